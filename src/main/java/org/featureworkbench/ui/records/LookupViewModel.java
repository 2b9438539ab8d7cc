package org.featureworkbench.ui.records;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.group.Failures;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * Looks up one id (GetRecord) or several comma-separated ids (BatchGetRecord, at most 100) in the
 * group's online store, and keeps the results table, the "not found" line and any per-id errors.
 */
public final class LookupViewModel {
    /** BatchGetRecord's limit on the ids of one request. */
    public static final int MAX_IDS = 100;

    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableValue<FeatureGroup> group;

    private final StringProperty idsText = new SimpleStringProperty(this, "idsText", "");
    private final ObservableList<ResultColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<RecordRow> records = FXCollections.observableArrayList();
    private final ObjectProperty<RecordRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper notFound = new ReadOnlyStringWrapper(this, "notFound", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private List<String> shownIds = List.of();

    LookupViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs, ObservableValue<FeatureGroup> group) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.group = group;
    }

    /** Called when the page shows another group, or a new version of the same one. */
    void groupChanged(FeatureGroup old, FeatureGroup now) {
        columns.setAll(now == null ? List.of() : ResultColumn.of(now));
        if (old == null || now == null || !old.name().equals(now.name())) {
            idsText.set("");
            clear();
        }
    }

    private void clear() {
        shownIds = List.of();
        records.clear();
        selected.set(null);
        notFound.set("");
        message.set("");
    }

    /** Looks up the ids typed into {@link #idsTextProperty()}. */
    public void lookUp() {
        FeatureGroup g = group.getValue();
        if (g == null) {
            return;
        }
        List<String> ids = parseIds(idsText.get());
        if (ids.isEmpty()) {
            clear();
            message.set("Type a record id, or several separated by commas, then press Enter.");
            return;
        }
        String note = ids.size() > MAX_IDS ? "You gave " + ids.size() + " ids; BatchGetRecord reads at most "
                + MAX_IDS + " at once, so only the first " + MAX_IDS + " were looked up." : "";
        run(g, ids.subList(0, Math.min(ids.size(), MAX_IDS)), note);
    }

    /** Reads the shown ids again when {@code id} is among them (after a put or a delete). */
    void refreshIfShowing(String id) {
        FeatureGroup g = group.getValue();
        if (g != null && shownIds.contains(id)) {
            run(g, shownIds, "");
        }
    }

    private void run(FeatureGroup g, List<String> ids, String note) {
        List<String> asked = List.copyOf(ids);
        executor.execute(() -> read(g.name(), asked), result -> {
            if (group.getValue() != null && group.getValue().name().equals(g.name())) {
                show(g, asked, result, note);
            }
        }, e -> {
            // A failed read answers nothing: the last answer's rows and "Not found" must not stay beside the error.
            records.clear();
            notFound.set("");
            Failures.inline(message, dialogs, "look up the records").accept(e);
        });
    }

    private BatchGetResult read(String groupName, List<String> ids) {
        if (ids.size() == 1) {
            Optional<OnlineRecord> found = store.records().getRecord(groupName, ids.get(0), null);
            return new BatchGetResult(found.stream().toList(), List.of(), List.of());
        }
        return store.records().batchGetRecord(List.of(new BatchGetIdentifier(groupName, ids, null)));
    }

    private void show(FeatureGroup g, List<String> asked, BatchGetResult result, String note) {
        String previouslySelected = selected.get() == null ? null : selected.get().id();
        shownIds = asked;
        records.setAll(result.records().stream().map(r -> RecordRow.of(g, r)).toList());
        selected.set(records.stream().filter(r -> r.id().equals(previouslySelected)).findFirst().orElse(null));
        Set<String> answered = new LinkedHashSet<>();
        result.records().forEach(r -> answered.add(r.recordIdentifierValueAsString()));
        List<String> lines = new ArrayList<>();
        if (!note.isEmpty()) {
            lines.add(note);
        }
        for (BatchGetResult.Error e : result.errors()) {
            answered.add(e.recordIdentifierValueAsString());
            lines.add(e.recordIdentifierValueAsString() + ": " + e.errorMessage());
        }
        List<String> retry = result.unprocessedIdentifiers().stream()
                .flatMap(i -> i.recordIdentifiersValueAsString().stream()).toList();
        answered.addAll(retry);
        if (!retry.isEmpty()) {
            lines.add("Not read this time because the store was busy; look them up again: " + String.join(", ", retry));
        }
        message.set(String.join("\n", lines));
        List<String> missing = asked.stream().filter(id -> !answered.contains(id) && !answered.contains(canonical(g, id))).toList();
        notFound.set(missing.isEmpty() ? "" : "Not found: " + String.join(", ", missing)
                + " (never written, deleted or expired)");
    }

    /** An Integral id such as "007" comes back as "7"; compare in that form. */
    private static String canonical(FeatureGroup g, String id) {
        try {
            return String.valueOf(RecordValidator.parseRecordIdentifier(g.definition(), id));
        } catch (RuntimeException e) {
            return id;
        }
    }

    /** Splits "a, b ,c" into distinct non-empty ids, in order. */
    static List<String> parseIds(String text) {
        Set<String> ids = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split(",")) {
            if (!part.trim().isEmpty()) {
                ids.add(part.trim());
            }
        }
        return List.copyOf(ids);
    }

    /** The ids to look up: one, or several separated by commas. */
    public StringProperty idsTextProperty() {
        return idsText;
    }

    /** The table columns for the shown group. */
    public ObservableList<ResultColumn> columns() {
        return columns;
    }

    /** The records found by the last lookup, in the order asked. */
    public ObservableList<RecordRow> records() {
        return records;
    }

    /** The row selected in the table (set by the view); Delete… starts from it. */
    public ObjectProperty<RecordRow> selectedProperty() {
        return selected;
    }

    /** "Not found: …" for ids without a readable record, or empty. */
    public ReadOnlyStringProperty notFoundProperty() {
        return notFound.getReadOnlyProperty();
    }

    /** Per-id errors, the 100-id note, or what was wrong with the input; empty when all went well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
