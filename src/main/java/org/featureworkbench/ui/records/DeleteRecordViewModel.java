package org.featureworkbench.ui.records;

import java.time.Instant;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.group.Failures;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The "Delete record" confirmation: which record, soft or hard, and the delete's event time
 * (prefilled with now). A store refusal — e.g. a hard delete not newer than the stored record —
 * is shown in the dialog, which stays open; on success {@link #doneProperty()} turns true.
 */
public final class DeleteRecordViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final FeatureGroup group;
    private final BiConsumer<String, String> onDeleted;

    private final StringProperty recordId = new SimpleStringProperty(this, "recordId", "");
    private final StringProperty eventTime = new SimpleStringProperty(this, "eventTime", "");
    private final ObjectProperty<DeletionMode> mode = new SimpleObjectProperty<>(this, "mode", DeletionMode.SOFT_DELETE);
    private final StringBinding idError;
    private final StringBinding eventTimeError;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty deleting = new SimpleBooleanProperty(this, "deleting", false);
    /** Counts deletes started, so a late wait notice is shown only for the delete it belongs to. */
    private long writes;
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper(this, "waiting", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done", false);
    private final BooleanBinding canDelete;

    /**
     * @param onDeleted receives the deleted id and the one-line result for the page once the delete succeeded
     */
    DeleteRecordViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs, FeatureGroup group,
                          String id, BiConsumer<String, String> onDeleted) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.group = group;
        this.onDeleted = onDeleted;
        recordId.set(id == null ? "" : id);
        fillNow();
        idError = Bindings.createStringBinding(() -> idProblem(recordId.get()), recordId);
        eventTimeError = Bindings.createStringBinding(() -> eventTimeProblem(eventTime.get()), eventTime);
        canDelete = Bindings.createBooleanBinding(() -> idError.get().isEmpty() && eventTimeError.get().isEmpty()
                && !recordId.get().isBlank() && !deleting.get(), idError, eventTimeError, recordId, deleting);
        recordId.addListener((obs, old, now) -> error.set(""));
        eventTime.addListener((obs, old, now) -> error.set(""));
        mode.addListener((obs, old, now) -> error.set(""));
    }

    /** One sentence on what a mode does, shown beside its radio button. */
    public static String explain(DeletionMode mode) {
        return mode == DeletionMode.SOFT_DELETE
                ? "The record can no longer be read; the online row stays as a hidden tombstone "
                + "and a delete marker is added to the offline history."
                : "The online row is removed for good and a delete marker is added to the offline "
                + "history; the event time must be newer than the stored record's.";
    }

    /** Sets the event time to now, in the group's event time format. */
    public void fillNow() {
        eventTime.set(EventTimes.format(Instant.now(), group.definition().eventTimeFeature().type()));
    }

    private String idProblem(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        try {
            RecordValidator.parseRecordIdentifier(group.definition(), id.trim());
            return "";
        } catch (ValidationException e) {
            return e.reason();
        }
    }

    private static String eventTimeProblem(String value) {
        try {
            // DeleteRecord takes either SageMaker form, whatever the group's own event time type.
            boolean seconds = value != null && value.trim().matches("-?\\d+(\\.\\d+)?");
            EventTimes.parse(value, seconds ? FeatureType.FRACTIONAL : FeatureType.STRING, "EventTime");
            return "";
        } catch (ValidationException e) {
            return e.reason();
        }
    }

    /** Deletes the record; a refusal by the store is shown in {@link #errorProperty()}. */
    public void delete() {
        if (!canDelete.get()) {
            return;
        }
        String id = recordId.get().trim();
        String time = eventTime.get().trim();
        DeletionMode chosen = mode.get();
        deleting.set(true);
        long write = ++writes;
        error.set("");
        // A delete that has to wait for features being added says so in the dialog until it is done;
        // it may wait minutes, so it runs off the short-task pool.
        executor.executeMayWait(() -> store.records().deleteRecord(group.name(), id, time, chosen, Set.of(),
                n -> showWait(write, n)), hidden -> {
            deleting.set(false);
            waiting.set("");
            done.set(true);
            onDeleted.accept(id, describe(id, chosen, hidden));
        }, e -> {
            deleting.set(false);
            waiting.set("");
            Failures.inline(error, dialogs, "delete the record").accept(e);
        });
    }

    /** Shows, on the UI thread, that the delete waits (called from the delete's thread). */
    private void showWait(long write, String notice) {
        executor.executeQuietly(() -> notice, n -> {
            // a notice that arrives late (behind a slow poll) must not land on the next delete
            if (deleting.get() && write == writes) {
                waiting.set(Character.toUpperCase(n.charAt(0)) + n.substring(1) + ".");
            }
        }, e -> { });
    }

    static String describe(String id, DeletionMode mode, boolean hidden) {
        String what = mode == DeletionMode.SOFT_DELETE ? "Soft-deleted " : "Hard-deleted ";
        return hidden ? what + id + ": it can no longer be read; a delete marker was added to the offline history."
                : what + id + ": there was no readable online record; a delete marker was still added to the offline history.";
    }

    public FeatureGroup group() { return group; }
    public StringProperty recordIdProperty() { return recordId; }
    /** The delete's event time, in either SageMaker form. */
    public StringProperty eventTimeProperty() { return eventTime; }
    public ObjectProperty<DeletionMode> modeProperty() { return mode; }
    public StringBinding idErrorProperty() { return idError; }
    public StringBinding eventTimeErrorProperty() { return eventTimeError; }
    /** The store's message when it refused the delete. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** Whether a delete runs (it may wait for features being added to the group). */
    public ReadOnlyBooleanProperty deletingProperty() { return deleting; }
    /** What the delete waits for while it waits (features being added to the group), else empty. */
    public ReadOnlyStringProperty waitingProperty() { return waiting.getReadOnlyProperty(); }
    public BooleanBinding canDeleteProperty() { return canDelete; }
    /** True once the record was deleted; the dialog closes then. */
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
}
