package org.featureworkbench.ui.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestJob;
import org.featureworkbench.core.IngestJobRecord;
import org.featureworkbench.core.IngestJobProgress;
import org.featureworkbench.core.IngestListener;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.IngestSummary;
import org.featureworkbench.core.InterruptedIngestException;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.group.Failures;
import org.featureworkbench.ui.group.GroupEvents;
import org.featureworkbench.ui.records.CountTile;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * Steps 5 and 6: runs one ingest job on the executor's job thread (it keeps running when the
 * wizard closes), shows its progress — fraction of bytes, rows read / written / rejected, rows/s,
 * ETA — while the view polls {@link #poll()}, cancels it on request, and then shows the summary
 * with the rejects file to open or save elsewhere.
 */
public final class IngestRunViewModel {
    /** The outcome of a job and, when it created its group, the group. */
    private record Outcome(IngestSummary summary, Optional<FeatureGroup> created) {
    }

    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final GroupEvents events;
    private final Runnable jobsChanged;
    private final ObjectProperty<IngestJob> job = new SimpleObjectProperty<>(this, "job");
    private final ObjectProperty<IngestJob.State> state = new SimpleObjectProperty<>(this, "state");
    private final DoubleProperty fraction = new SimpleDoubleProperty(this, "fraction", 0);
    private final StringProperty stateText = new SimpleStringProperty(this, "stateText", "");
    private final StringProperty countsText = new SimpleStringProperty(this, "countsText", "");
    private final StringProperty rateText = new SimpleStringProperty(this, "rateText", "");
    private final ReadOnlyObjectWrapper<IngestSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<List<CountTile>> tiles = new ReadOnlyObjectWrapper<>(this, "tiles", List.of());
    private final StringProperty failure = new SimpleStringProperty(this, "failure", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private Runnable onFinished = () -> { };

    IngestRunViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs, GroupEvents events,
                       Runnable jobsChanged) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.events = events;
        this.jobsChanged = jobsChanged;
    }

    void onFinished(Runnable action) {
        onFinished = action;
    }

    /** Submits the request as a job and runs it; {@code createsGroup} announces the new group when done. */
    void start(IngestRequest request, boolean createsGroup) {
        failure.set("");
        stateText.set("Starting…");
        executor.execute(() -> store.ingest().submit(request), submitted -> {
            job.set(submitted);
            show(submitted.progress());
            jobsChanged.run();
            executor.executeJob(() -> new Outcome(store.ingest().run(submitted, IngestListener.NONE),
                    createsGroup ? store.findFeatureGroup(request.groupName()) : Optional.empty()),
                    outcome -> finished(submitted, outcome),
                    e -> failed(submitted, request, createsGroup, e));
        }, e -> failed(null, request, false, e));
    }

    private void finished(IngestJob done, Outcome outcome) {
        show(done.progress());
        IngestSummary s = outcome.summary();
        summary.set(s);
        tiles.set(List.of(new CountTile("Rows read", IngestText.count(s.rowsRead()), "Rows read from the file"),
                new CountTile("Written online", IngestText.count(s.writtenOnline()),
                        "Online records changed: the newest version per id, where newer than stored"),
                new CountTile("Written offline", IngestText.count(s.writtenOffline()), "Rows appended to the Parquet history"),
                new CountTile("Rejected", IngestText.count(s.rejected()), "Rows that could not be stored; see the rejects file"),
                new CountTile("Seconds", String.format(java.util.Locale.ROOT, "%.2f", s.seconds()),
                        IngestText.rate(s.rowsPerSecond()) + " overall")));
        outcome.created().ifPresent(events::groupCreated);
        jobsChanged.run();
        onFinished.run();
    }

    private void failed(IngestJob failedJob, IngestRequest request, boolean createsGroup, Throwable e) {
        if (failedJob != null) {
            show(failedJob.progress());
        }
        if (e instanceof InterruptedIngestException interrupted) {
            failure.set(refusedText(interrupted.job()));
        } else {
            failure.set(e instanceof FeatureStoreException ? e.getMessage()
                    : "The ingest stopped because of an unexpected error: " + e + ". The log has the details.");
        }
        if (createsGroup) {
            // The group may exist although the ingest failed (created before a later problem).
            executor.execute(() -> store.findFeatureGroup(request.groupName()),
                    g -> g.ifPresent(events::groupCreated), x -> { });
        }
        jobsChanged.run();
        onFinished.run();
    }

    /** Reads the job's latest progress (off the FX thread, without the busy indicator). */
    public void poll() {
        IngestJob running = job.get();
        if (running == null || summary.get() != null || !failure.get().isEmpty()) {
            return;
        }
        executor.executeQuietly(running::progress, this::show, e -> { });
    }

    private void show(IngestJobProgress p) {
        state.set(p.state());
        fraction.set(p.state() == IngestJob.State.QUEUED ? 0 : p.fraction());
        stateText.set(switch (p.state()) {
            case QUEUED -> "Waiting to start…";
            case VALIDATING -> "Checking every row first (on error: fail) — nothing is written yet";
            case WRITING -> "Writing";
            case SUCCEEDED -> "Done";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        });
        countsText.set("Read " + IngestText.count(p.rowsRead()) + " · online " + IngestText.count(p.writtenOnline())
                + " · offline " + IngestText.count(p.writtenOffline()) + " · rejected " + IngestText.count(p.rowsRejected()));
        rateText.set(p.state().running() ? IngestText.rate(p.rowsPerSecond()) + " · " + IngestText.eta(p.fraction(), p.seconds())
                : IngestText.duration(p.seconds()));
    }

    /** Asks the job to stop; it does within about a second and the summary then says what was written. */
    public void cancel() {
        IngestJob running = job.get();
        if (running != null) {
            running.cancel();
            stateText.set("Cancelling…");
        }
    }

    /** Opens the rejects file with the desktop's default application. */
    public void openRejects() {
        rejectsFile().ifPresent(dialogs::openExternally);
    }

    /** Asks where to and copies the rejects file there. */
    public void saveRejectsAs() {
        Optional<Path> source = rejectsFile();
        if (source.isEmpty()) {
            return;
        }
        dialogs.chooseFileToSave("Save the rejected rows as", store.exportsDirectory(),
                source.get().getFileName().toString(), "CSV", "*.csv").ifPresent(target -> saveRejectsTo(target));
    }

    /** Copies the rejects file to {@code target} in the background. */
    public void saveRejectsTo(Path target) {
        Path source = rejectsFile().orElseThrow();
        executor.execute(() -> {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }, saved -> notice.set("Saved the rejected rows to " + saved), Failures.dialog(dialogs, "save the rejects file"));
    }

    private Optional<Path> rejectsFile() {
        return Optional.ofNullable(summary.get()).map(IngestSummary::rejectsFile);
    }

    public ReadOnlyObjectProperty<IngestJob> jobProperty() { return job; }
    public ReadOnlyObjectProperty<IngestJob.State> stateProperty() { return state; }
    /** Share of the current pass done, by bytes. */
    public DoubleProperty fractionProperty() { return fraction; }
    public StringProperty stateTextProperty() { return stateText; }
    /** Rows read, written online and offline, rejected so far. */
    public StringProperty countsTextProperty() { return countsText; }
    /** Rows/s and ETA while running; the elapsed time afterwards. */
    public StringProperty rateTextProperty() { return rateText; }
    /** The summary once the job ended (also when cancelled). */
    public ReadOnlyObjectProperty<IngestSummary> summaryProperty() { return summary.getReadOnlyProperty(); }
    /** The summary's numbers as tiles: read, online, offline, rejected, seconds. */
    public ReadOnlyObjectProperty<List<CountTile>> tilesProperty() { return tiles.getReadOnlyProperty(); }
    /** The refusal of a file whose interrupted ingest waits (ADR 0020, addendum), in the page's words. */
    static String refusedText(IngestJobRecord r) {
        return "Nothing was ingested: an earlier ingest of this file into '" + r.group() + "' (job " + r.id()
                + ") was interrupted after storing " + IngestText.count(r.rowsPublished()) + " rows offline. "
                + "Use Resume on the Jobs page to store only the rest. To store every row again instead, give it up "
                + "first ('jobs --abandon " + r.id() + "' on the command line); the rows it already stored would "
                + "then be in the offline store twice.";
    }

    /** Why the job failed, or empty. */
    public StringProperty failureProperty() { return failure; }
    /** The outcome of "Save rejects as…". */
    public StringProperty noticeProperty() { return notice; }
}
