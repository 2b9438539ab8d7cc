package org.featureworkbench.ui.records;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.PutResult;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.group.Failures;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The "Put record" form built from the group's schema: one input per feature, validated as
 * typed with the store's own rules ({@link PutRecordChecks}); target stores; an optional record
 * TTL. Put stays disabled while anything is invalid; afterwards a one-line result says what the
 * online and offline stores did.
 */
public final class PutRecordViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableValue<FeatureGroup> group;
    private final Consumer<String> afterWrite;

    private final ObservableList<PutField> fields = FXCollections.observableArrayList(PutField::extractor);
    private final ReadOnlyBooleanWrapper onlineAvailable = new ReadOnlyBooleanWrapper(this, "onlineAvailable");
    private final ReadOnlyBooleanWrapper offlineAvailable = new ReadOnlyBooleanWrapper(this, "offlineAvailable");
    private final BooleanProperty targetOnline = new SimpleBooleanProperty(this, "targetOnline");
    private final BooleanProperty targetOffline = new SimpleBooleanProperty(this, "targetOffline");
    private final StringProperty ttl = new SimpleStringProperty(this, "ttl", "");
    private final BooleanBinding ttlEnabled = onlineAvailable.and(targetOnline);
    private final ReadOnlyStringWrapper ttlError = new ReadOnlyStringWrapper(this, "ttlError", "");
    private final ReadOnlyStringWrapper targetsError = new ReadOnlyStringWrapper(this, "targetsError", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper(this, "missing", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving", false);
    /** Counts puts started, so a late wait notice is shown only for the put it belongs to. */
    private long writes;
    private final BooleanBinding canPut = valid.getReadOnlyProperty().and(saving.not());

    PutRecordViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs,
                       ObservableValue<FeatureGroup> group, Consumer<String> afterWrite) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.group = group;
        this.afterWrite = afterWrite;
        fields.addListener((javafx.collections.ListChangeListener<PutField>) c -> revalidate());
        targetOnline.addListener((obs, old, now) -> revalidate());
        targetOffline.addListener((obs, old, now) -> revalidate());
        ttl.addListener((obs, old, now) -> revalidate());
    }

    /** Rebuilds the inputs for another group, keeping typed values when only features were added. */
    void groupChanged(FeatureGroup old, FeatureGroup now) {
        boolean sameGroup = old != null && now != null && old.name().equals(now.name());
        Map<String, String> kept = new HashMap<>();
        if (sameGroup) {
            fields.forEach(f -> kept.put(f.name(), f.valueProperty().get()));
        } else {
            result.set("");
            formError.set("");
            ttl.set("");
        }
        if (now == null) {
            fields.clear();
            return;
        }
        FeatureGroupDefinition d = now.definition();
        onlineAvailable.set(d.onlineStore().enabled());
        offlineAvailable.set(d.offlineStore().enabled());
        if (!sameGroup) {
            targetOnline.set(d.onlineStore().enabled());
            targetOffline.set(d.offlineStore().enabled());
        }
        List<PutField> next = PutRecordChecks.fieldsOf(d);
        if (sameGroup && onlyAppends(next)) {
            // Features were only added (here or elsewhere): the inputs being typed in stay as they are.
            fields.addAll(next.subList(fields.size(), next.size()));
            return;
        }
        fields.setAll(next.stream().peek(f -> {
            String value = kept.get(f.name());
            if (value != null) {
                f.valueProperty().set(value);
            }
        }).toList());
        if (!sameGroup) {
            fillNow();
        }
    }

    /** Whether {@code next} is the current fields with features appended (names, types and roles as they are). */
    private boolean onlyAppends(List<PutField> next) {
        if (next.size() < fields.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            PutField now = fields.get(i);
            PutField then = next.get(i);
            if (!now.name().equals(then.name()) || now.type() != then.type() || now.role() != then.role()) {
                return false;
            }
        }
        return true;
    }

    /** Sets the event time input to now, in the group's event time format. */
    public void fillNow() {
        FeatureGroup g = group.getValue();
        fields.stream().filter(f -> f.role() == PutField.Role.EVENT_TIME).findFirst().ifPresent(f ->
                f.valueProperty().set(EventTimes.format(Instant.now(), g.definition().eventTimeFeature().type())));
    }

    private void revalidate() {
        FeatureGroup g = group.getValue();
        if (g == null || fields.isEmpty()) {
            valid.set(false);
            return;
        }
        boolean ok = PutRecordChecks.checkFields(g, fields, formError);
        targetsError.set(targets().isEmpty() ? "Choose at least one store to write to." : "");
        ttlError.set(ttlEnabled.get() ? PutRecordChecks.ttlProblem(ttl.get()) : "");
        java.util.List<String> empty = fields.stream().filter(f -> f.required() && f.valueProperty().get().isEmpty())
                .map(PutField::name).toList();
        missing.set(empty.isEmpty() ? "" : "Fill in " + String.join(" and ", empty) + " to put a record.");
        valid.set(ok && targetsError.get().isEmpty() && ttlError.get().isEmpty());
    }

    private Set<TargetStore> targets() {
        Set<TargetStore> targets = EnumSet.noneOf(TargetStore.class);
        if (targetOnline.get() && onlineAvailable.get()) {
            targets.add(TargetStore.ONLINE_STORE);
        }
        if (targetOffline.get() && offlineAvailable.get()) {
            targets.add(TargetStore.OFFLINE_STORE);
        }
        return targets;
    }

    /** Puts the record; the result line says what happened, and counts and lookup refresh. */
    public void put() {
        revalidate();
        if (!canPut.get()) {
            return;
        }
        FeatureGroup g = group.getValue();
        Record record = PutRecordChecks.record(fields);
        String id = record.value(g.definition().recordIdentifierFeatureName());
        Set<TargetStore> targets = targets();
        TtlDuration recordTtl = ttlEnabled.get() && !ttl.get().isBlank() ? TtlDuration.parse(ttl.get(), "TTL") : null;
        saving.set(true);
        long write = ++writes;
        result.set("");
        formError.set("");
        // A put that has to wait for features being added says so in the result line until it is
        // written; it may wait minutes, so it runs off the short-task pool (lookups go on meanwhile).
        executor.executeMayWait(() -> store.records().putRecord(g.name(), record, targets, recordTtl,
                n -> showWait(write, n)), r -> {
            saving.set(false);
            result.set(describe(id, r));
            afterWrite.accept(id);
        }, e -> {
            saving.set(false);
            Failures.inline(formError, dialogs, "put the record").accept(e);
        });
    }

    /** Shows, on the UI thread, that the put waits (called from the put's thread). */
    private void showWait(long write, String notice) {
        executor.executeQuietly(() -> notice, n -> {
            // a notice that arrives late (behind a slow poll) must not land on the next put
            if (saving.get() && write == writes) {
                result.set(Character.toUpperCase(n.charAt(0)) + n.substring(1) + ".");
            }
        }, e -> { });
    }

    /** The one-line result of a put, e.g. "c1: Online written: now its newest version; offline queued". */
    static String describe(String id, PutResult r) {
        String offline = r.offlineQueued() ? "offline queued (in Parquet within a few seconds)" : "offline not written";
        if (r.online() == null) {
            return id + ": Online not written; " + offline;
        }
        return id + ": " + switch (r.online()) {
            case NEWER_WRITTEN -> "Online written: now its newest version; " + offline;
            case EQUAL_OVERWRITTEN -> "Online updated (same event time: the later write replaces it); " + offline;
            case OLDER_IGNORED -> r.offlineQueued()
                    ? "Online unchanged: the stored record is newer; written to offline history"
                    : "Online unchanged: the stored record is newer; nothing was written";
        };
    }

    public ObservableList<PutField> fields() { return fields; }
    /** The input of {@code featureName}. */
    public PutField field(String featureName) {
        return fields.stream().filter(f -> f.name().equals(featureName)).findFirst().orElseThrow();
    }
    public ReadOnlyBooleanProperty onlineAvailableProperty() { return onlineAvailable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty offlineAvailableProperty() { return offlineAvailable.getReadOnlyProperty(); }
    public BooleanProperty targetOnlineProperty() { return targetOnline; }
    public BooleanProperty targetOfflineProperty() { return targetOffline; }
    /** Optional TTL for this record, e.g. 12h or 7d; overrides the group's. */
    public StringProperty ttlProperty() { return ttl; }
    /** The TTL applies only to the online store, so it is off without it. */
    public BooleanBinding ttlEnabledProperty() { return ttlEnabled; }
    public ReadOnlyStringProperty ttlErrorProperty() { return ttlError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty targetsErrorProperty() { return targetsError.getReadOnlyProperty(); }
    /** A problem of the whole record (size) or the store's answer to a failed put. */
    public ReadOnlyStringProperty formErrorProperty() { return formError.getReadOnlyProperty(); }
    /** Which required inputs are still empty, as a hint beside the disabled Put button. */
    public ReadOnlyStringProperty missingProperty() { return missing.getReadOnlyProperty(); }
    /** What the last put did. */
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    /** Whether Put is enabled: every input valid and no put running. */
    public BooleanBinding canPutProperty() { return canPut; }
}
