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
import org.featureworkbench.core.IngestJobRecord;
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
    private final ObservableList<IngestJobRecord> interrupted = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper interruptedCount = new ReadOnlyIntegerWrapper(this, "interrupted", 0);
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
    private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringBinding runningText;
    private final StringBinding details;
    private boolean refreshing;

    public JobsViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        runningText = Bindings.createStringBinding(() -> statusText(running.get(), interruptedCount.get()), running,
                interruptedCount);
        details = Bindings.createStringBinding(() -> describe(selected.get()), selected);
    }

    /** Reads the job list again (skipped while a read is under way: polls must not pile up). */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        executor.executeQuietly(() -> new Snapshot(store.ingest().jobs().stream().map(JobRow::of).toList(),
                store.ingest().interruptedJobs()), this::show, e -> {
            refreshing = false;
        });
    }

    /** One poll: this process's jobs and the workspace's interrupted ingests (from any process). */
    private record Snapshot(List<JobRow> jobs, List<IngestJobRecord> interrupted) {
    }

    private void show(Snapshot snapshot) {
        refreshing = false;
        List<JobRow> now = snapshot.jobs();
        interrupted.setAll(snapshot.interrupted());
        interruptedCount.set(snapshot.interrupted().size());
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

    /**
     * Continues an interrupted ingest in this window (ADR 0020): it is listed here as running, keeps
     * its id, and stores none of its already stored rows again. A refusal (file changed, group
     * deleted, resumed meanwhile by another process) is shown as an error.
     */
    public void resume(IngestJobRecord record) {
        if (record == null) {
            return;
        }
        interrupted.remove(record);
        interruptedCount.set(interrupted.size());
        executor.executeJob(() -> store.ingest().run(store.ingest().submitResume(record.id()), null), s -> refresh(),
                e -> {
                    dialogs.showError("Cannot resume the ingest", e.getMessage(), e);
                    refresh();
                });
        refresh();
    }

    /**
     * An interrupted ingest in words: what, where it stopped, what resuming does. What is stored is
     * the record's own wording, so this page, the CLI's warning and check say the same.
     */
    public static String describeInterrupted(IngestJobRecord r) {
        return r.file().getFileName() + " → " + r.group() + " (job " + r.id() + "), interrupted"
                + (r.ended() == null ? "" : " at " + IngestText.time(r.ended())) + ": " + r.whatIsStored()
                + ". Resume reads the file again and stores only what is missing.";
    }

    static String statusText(int running, int interrupted) {
        String text = running == 0 ? "" : running == 1 ? "1 job running" : running + " jobs running";
        if (interrupted > 0) {
            text += (text.isEmpty() ? "" : " · ") + (interrupted == 1 ? "1 ingest interrupted"
                    : interrupted + " ingests interrupted");
        }
        return text;
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
    /** The workspace's interrupted ingests, from any process, newest first. */
    public ObservableList<IngestJobRecord> interrupted() { return interrupted; }
    /** How many ingests are interrupted. */
    public ReadOnlyIntegerProperty interruptedProperty() { return interruptedCount.getReadOnlyProperty(); }
    /** How many jobs have not ended. */
    public ReadOnlyIntegerProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** "2 jobs running", "1 ingest interrupted", both, or empty. */
    public StringBinding runningTextProperty() { return runningText; }
    public ObjectProperty<JobRow> selectedProperty() { return selected; }
    /** The selected job's progress, summary or failure, in words. */
    public StringBinding detailsProperty() { return details; }
    /** Whether the selected job has a rejects file. */
    public boolean selectedHasRejects() { return rejectsOf(selected.get()).isPresent(); }
}
