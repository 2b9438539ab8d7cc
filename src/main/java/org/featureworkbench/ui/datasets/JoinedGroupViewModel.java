package org.featureworkbench.ui.datasets;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.dataset.Durations;
import org.featureworkbench.dataset.JoinedGroup;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;

/**
 * One joined group of the form: the group, its feature checklist (every feature but the record
 * identifier checked when the group is chosen), the base column matched to its record identifier
 * (null = the base's id column) and an optional lookback window. {@link #read} turns it into a
 * {@link JoinedGroup}, marking wrong fields.
 */
public final class JoinedGroupViewModel {
    private final DatasetGroups groups;
    private final StringProperty group = new SimpleStringProperty(this, "group");
    private final ObservableList<FeatureChoice> features = FXCollections.observableArrayList();
    private final StringProperty baseColumn = new SimpleStringProperty(this, "baseColumn");
    private final StringProperty lookback = new SimpleStringProperty(this, "lookback", "");
    private final ReadOnlyStringWrapper keyText = new ReadOnlyStringWrapper(this, "keyText", "");
    private final StringProperty groupError = new SimpleStringProperty(this, "groupError", "");
    private final StringProperty featuresError = new SimpleStringProperty(this, "featuresError", "");
    private final StringProperty baseColumnError = new SimpleStringProperty(this, "baseColumnError", "");
    private final StringProperty lookbackError = new SimpleStringProperty(this, "lookbackError", "");

    /**
     * @param defaultBaseColumn the base column a newly chosen group joins on (null = the base id column)
     */
    JoinedGroupViewModel(DatasetGroups groups, Function<FeatureGroup, String> defaultBaseColumn) {
        this.groups = groups;
        group.addListener((o, old, now) -> {
            Optional<FeatureGroup> g = now == null ? Optional.empty() : groups.find(now);
            features.setAll(g.map(JoinedGroupViewModel::choices).orElse(List.of()));
            keyText.set(g.map(x -> "record id " + x.definition().recordIdentifierFeatureName()
                    + " · event time " + x.definition().eventTimeFeatureName()).orElse(""));
            baseColumn.set(g.map(defaultBaseColumn).orElse(null));
            groupError.set("");
            featuresError.set("");
        });
    }

    private static List<FeatureChoice> choices(FeatureGroup g) {
        String id = g.definition().recordIdentifierFeatureName();
        return g.features().stream().map(FeatureDefinition::name).map(n -> new FeatureChoice(n, !n.equals(id))).toList();
    }

    /** Checks or unchecks every feature. */
    public void chooseAll(boolean chosen) {
        features.forEach(f -> f.chosenProperty().set(chosen));
    }

    /**
     * The joined group the fields describe, or null when one is wrong (its message is set).
     *
     * @param baseColumns the base's columns when known (empty: not checked here, the builder checks)
     */
    JoinedGroup read(FormCheck check, List<String> baseColumns) {
        String name = group.get();
        if (name == null || name.isBlank()) {
            check.fail(groupError, "choose the group to join");
            return null;
        }
        Optional<FeatureGroup> g = groups.find(name);
        if (g.isEmpty()) {
            check.fail(groupError, "there is no group '" + name + "' with an offline store in this workspace");
            return null;
        }
        groupError.set("");
        List<String> chosen = features.stream().filter(FeatureChoice::chosen).map(FeatureChoice::name).toList();
        if (chosen.isEmpty()) {
            check.fail(featuresError, "tick at least one feature of " + name);
        } else {
            featuresError.set("");
        }
        String column = baseColumn.get();
        if (column != null && !column.isBlank() && !baseColumns.isEmpty() && !baseColumns.contains(column)) {
            check.fail(baseColumnError, "the base has no column '" + column + "'; its columns are "
                    + String.join(", ", baseColumns));
        } else {
            baseColumnError.set("");
        }
        String typed = lookback.get() == null ? "" : lookback.get().strip();
        Duration window = null;
        if (typed.isEmpty()) {
            lookbackError.set("");
        } else {
            window = check.read(lookbackError, () -> Durations.parse(typed, "lookback"));
        }
        if (chosen.isEmpty() || !baseColumnError.get().isEmpty() || !lookbackError.get().isEmpty()) {
            return null;
        }
        // All default features chosen: say nothing, as `--join GROUP` does, so the manifest reads the same.
        List<String> defaults = choices(g.get()).stream().filter(FeatureChoice::chosen).map(FeatureChoice::name).toList();
        return new JoinedGroup(name, chosen.equals(defaults) ? List.of() : chosen, column, window);
    }

    public StringProperty groupProperty() {
        return group;
    }

    /** The group's features in definition order, each with its checkbox state. */
    public ObservableList<FeatureChoice> features() {
        return features;
    }

    /** The base column joined to the group's record identifier; null = the base's id column. */
    public StringProperty baseColumnProperty() {
        return baseColumn;
    }

    /** The lookback window as typed ({@code 7d}, {@code 12h}, {@link Durations}); empty = no limit. */
    public StringProperty lookbackProperty() {
        return lookback;
    }

    /** "record id customer_id · event time event_time" of the chosen group. */
    public ReadOnlyStringProperty keyTextProperty() {
        return keyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty groupErrorProperty() {
        return groupError;
    }

    public ReadOnlyStringProperty featuresErrorProperty() {
        return featuresError;
    }

    public ReadOnlyStringProperty baseColumnErrorProperty() {
        return baseColumnError;
    }

    public ReadOnlyStringProperty lookbackErrorProperty() {
        return lookbackError;
    }
}
