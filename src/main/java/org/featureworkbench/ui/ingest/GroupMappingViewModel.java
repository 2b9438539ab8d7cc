package org.featureworkbench.ui.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.core.NewColumns;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;

/**
 * Step 3 for an existing group: which columns fill which features (by name, ignoring case, as
 * the ingest maps them), which columns are ignored, which features get no value, and whether
 * the record identifier and event time are covered — or the event time stamped with the ingest
 * time. The ingest's own summary notes stay the final word; this is the preview before it.
 */
public final class GroupMappingViewModel {
    private final ObservableList<MappedColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<String> unmapped = FXCollections.observableArrayList();
    private final ObservableList<String> absent = FXCollections.observableArrayList();
    private final ObservableList<String> addable = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper renameAdvice = new ReadOnlyStringWrapper(this, "renameAdvice", "");
    private final BooleanProperty stamp = new SimpleBooleanProperty(this, "stamp", false);
    private final ReadOnlyBooleanWrapper stampAvailable = new ReadOnlyBooleanWrapper(this, "stampAvailable", false);
    private final ReadOnlyBooleanWrapper recordIdCovered = new ReadOnlyBooleanWrapper(this, "recordIdCovered", true);
    private final StringBinding problem;
    private final ReadOnlyBooleanWrapper adding = new ReadOnlyBooleanWrapper(this, "adding", false);
    private final StringProperty addResult = new SimpleStringProperty(this, "addResult", "");
    private Runnable addNewColumns = () -> { };
    private FeatureGroup group;

    GroupMappingViewModel() {
        problem = Bindings.createStringBinding(this::computeProblem, stamp, stampAvailable, recordIdCovered);
    }

    /** Matches the inferred columns against the group's features. */
    public void load(FeatureGroup target, InferredGroup inferred) {
        group = target;
        addResult.set("");
        List<MappedColumn> mapped = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (InferredGroup.Column c : inferred.columns()) {
            Optional<FeatureDefinition> f = featureFor(target, c.column());
            if (f.isEmpty()) {
                ignored.add(c.column());
                mapped.add(new MappedColumn(c.column(), c.type(), null, null, "ignored: not in the group"));
            } else {
                mapped.add(new MappedColumn(c.column(), c.type(), f.get().name(), f.get().type(),
                        remark(c.type(), f.get().type())));
            }
        }
        List<String> missing = target.features().stream().map(FeatureDefinition::name)
                .filter(name -> inferred.columns().stream().noneMatch(c -> c.column().equalsIgnoreCase(name))).toList();
        String eventTime = target.definition().eventTimeFeatureName();
        columns.setAll(mapped);
        unmapped.setAll(ignored);
        // The same rule as the command line's --add-new-columns (NewColumns).
        NewColumns newColumns = NewColumns.of(target, inferred);
        addable.setAll(newColumns.features().stream().map(FeatureDefinition::name).toList());
        renameAdvice.set(newColumns.renameAdvice().stream().map(a -> Character.toUpperCase(a.charAt(0)) + a.substring(1) + ".")
                .collect(java.util.stream.Collectors.joining(" ")));
        // A missing event time is stamped (or the step says it must be), never "stored as null".
        absent.setAll(missing.stream().filter(name -> !name.equals(eventTime)).toList());
        stampAvailable.set(missing.contains(eventTime));
        stamp.set(missing.contains(eventTime));
        recordIdCovered.set(!missing.contains(target.definition().recordIdentifierFeatureName()));
    }

    private static Optional<FeatureDefinition> featureFor(FeatureGroup g, String column) {
        String key = column.toLowerCase(Locale.ROOT);
        return g.features().stream().filter(f -> f.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    private static String remark(FeatureType seen, FeatureType wanted) {
        if (seen == wanted || wanted == FeatureType.STRING || seen == FeatureType.INTEGRAL && wanted == FeatureType.FRACTIONAL) {
            return "";
        }
        return "values look " + seen.awsName() + ": rows that are not " + wanted.awsName() + " are rejected";
    }

    private String computeProblem() {
        if (group == null) {
            return "";
        }
        if (!recordIdCovered.get()) {
            return "The file has no column for the record identifier '"
                    + group.definition().recordIdentifierFeatureName() + "', so no row can be stored. "
                    + "Rename the column in the file, or ingest into a new group.";
        }
        if (stampAvailable.get() && !stamp.get()) {
            return "The file has no column for the event time '" + group.definition().eventTimeFeatureName()
                    + "'. Tick \"Stamp every row with the ingest time\", or add the column to the file.";
        }
        return "";
    }

    /**
     * Adds the ignored columns as features of the group (their types inferred from the file), so
     * this ingest keeps them; the wizard supplies the work ({@link IngestWizardViewModel}).
     */
    public void addNewColumns() {
        if (!addable.isEmpty() && !adding.get()) {
            addNewColumns.run();
        }
    }

    void onAddNewColumns(Runnable action) {
        addNewColumns = action;
    }

    void adding(boolean now) {
        adding.set(now);
    }

    /** Ignored columns whose names are valid feature names: what {@link #addNewColumns()} adds. */
    public ObservableList<String> addable() { return addable; }
    /** How to keep ignored columns whose names are not valid feature names; empty when there are none. */
    public ReadOnlyStringProperty renameAdviceProperty() { return renameAdvice.getReadOnlyProperty(); }
    /** True while the ignored columns are being added as features. */
    public ReadOnlyBooleanProperty addingProperty() { return adding.getReadOnlyProperty(); }
    /** What adding the columns did, or why it could not; empty before. */
    public StringProperty addResultProperty() { return addResult; }
    /** Columns in file order with the feature each fills. */
    public ObservableList<MappedColumn> columns() { return columns; }
    /** Columns the group has no feature for; the ingest ignores them. */
    public ObservableList<String> unmapped() { return unmapped; }
    /** Features no column fills; they are stored as null (the event time, if stamped, excepted). */
    public ObservableList<String> absent() { return absent; }
    /** Stamp every row's event time with the ingest time (only when the file has no event-time column). */
    public BooleanProperty stampProperty() { return stamp; }
    public ReadOnlyBooleanProperty stampAvailableProperty() { return stampAvailable.getReadOnlyProperty(); }
    /** Why the ingest cannot go on, or empty. */
    public StringBinding problemProperty() { return problem; }
}
