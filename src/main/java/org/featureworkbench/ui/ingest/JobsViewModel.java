package org.featureworkbench.ui.ingest;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestJob;
import org.featureworkbench.core.IngestSummary;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The Jobs page and the status bar's "N jobs running": this process's ingest jobs, newest first,
 * read with a quiet poll (no busy indicator) that the view runs every second while the page is
 * shown or a job runs. The selected job can be cancelled while it runs; once it ended, its
 * summary (or failure) is shown, with its rejects file.
 */
public final class JobsViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
    private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringBinding runningText;
    private final StringBinding details;
    private boolean refreshing;

    public JobsViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        runningText = Bindings.createStringBinding(() -> running.get() == 0 ? ""
                : running.get() == 1 ? "1 job running" : running.get() + " jobs running", running);
        details = Bindings.createStringBinding(() -> describe(selected.get()), selected);
    }

    /** Reads the job list again (skipped while a read is under way: polls must not pile up). */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        executor.executeQuietly(() -> store.ingest().jobs().stream().map(JobRow::of).toList(), this::show, e -> {
            refreshing = false;
        });
    }

    private void show(List<JobRow> now) {
        refreshing = false;
        String selectedId = selected.get() == null ? null : selected.get().id();
        rows.setAll(now);
        running.set((int) now.stream().filter(JobRow::running).count());
        selected.set(selectedId == null ? null : now.stream().filter(r -> r.id().equals(selectedId)).findFirst().orElse(null));
    }

    /** Cancels a running job; the next poll shows it CANCELLED. */
    public void cancel(JobRow row) {
        if (row != null && row.running()) {
            row.job().cancel();
            refresh();
        }
    }

    /** Opens the selected job's rejects file. */
    public void openRejects() {
        rejectsOf(selected.get()).ifPresent(dialogs::openExternally);
    }

    private static Optional<java.nio.file.Path> rejectsOf(JobRow row) {
        return row == null ? Optional.empty() : row.job().summary().map(IngestSummary::rejectsFile);
    }

    static String describe(JobRow row) {
        if (row == null) {
            return "Select a job to see its summary.";
        }
        IngestJob job = row.job();
        String head = "Job " + job.id() + ": " + job.request().file() + " → " + row.group() + "\n";
        if (row.running()) {
            return head + row.state() + ": " + row.rows() + " rows read, " + row.rejected() + " rejected so far.";
        }
        if (job.failure().isPresent()) {
            return head + "Failed: " + job.failure().get();
        }
        return job.summary().map(s -> head + (s.cancelled() ? "Cancelled after " : "Finished: ")
                + IngestText.count(s.rowsRead()) + " read · " + IngestText.count(s.writtenOnline()) + " online · "
                + IngestText.count(s.writtenOffline()) + " offline · " + IngestText.count(s.rejected()) + " rejected · "
                + IngestText.duration(s.seconds()) + " (" + IngestText.rate(s.rowsPerSecond()) + ")"
                + (s.rejectsFile() == null ? "" : "\nRejected rows: " + s.rejectsFile())
                + (s.notes().isEmpty() ? "" : "\n" + String.join("\n", s.notes()))).orElse(head + row.state());
    }

    public ObservableList<JobRow> rows() { return rows; }
    /** How many jobs have not ended. */
    public ReadOnlyIntegerProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** "2 jobs running", or empty when none is. */
    public StringBinding runningTextProperty() { return runningText; }
    public ObjectProperty<JobRow> selectedProperty() { return selected; }
    /** The selected job's progress, summary or failure, in words. */
    public StringBinding detailsProperty() { return details; }
    /** Whether the selected job has a rejects file. */
    public boolean selectedHasRejects() { return rejectsOf(selected.get()).isPresent(); }
}
