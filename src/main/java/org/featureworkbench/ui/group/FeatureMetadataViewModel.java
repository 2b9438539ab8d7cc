package org.featureworkbench.ui.group;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureMetadataUpdate;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * Editor for one feature's metadata (UpdateFeatureMetadata): its description and key/value
 * parameters. The feature is tracked by name, so it stays selected when the store returns a new
 * version of the group.
 */
public final class FeatureMetadataViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final GroupEvents events;
    private final ObservableValue<FeatureGroup> group;

    private final StringProperty selectedFeatureName = new SimpleStringProperty(this, "selectedFeatureName");
    private final ReadOnlyObjectWrapper<FeatureDefinition> selectedFeature = new ReadOnlyObjectWrapper<>(this, "selectedFeature");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObservableList<KeyValue> parameters = FXCollections.observableArrayList();
    private final StringProperty newParameterKey = new SimpleStringProperty(this, "newParameterKey", "");
    private final StringProperty newParameterValue = new SimpleStringProperty(this, "newParameterValue", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanBinding descriptionChanged;

    FeatureMetadataViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs, GroupEvents events,
                             ObservableValue<FeatureGroup> group) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.events = events;
        this.group = group;
        group.addListener((obs, old, now) -> {
            boolean sameGroup = old != null && now != null && old.name().equals(now.name());
            if (!sameGroup) {
                selectedFeatureName.set(null);
            }
            refreshSelection();
        });
        selectedFeatureName.addListener((obs, old, now) -> {
            error.set("");
            refreshSelection();
        });
        descriptionChanged = Bindings.createBooleanBinding(() -> selectedFeature.get() != null
                && !Objects.equals(description.get(), selectedFeature.get().description()), description, selectedFeature);
    }

    private void refreshSelection() {
        FeatureGroup g = group.getValue();
        FeatureDefinition f = g == null || selectedFeatureName.get() == null ? null
                : g.definition().feature(selectedFeatureName.get()).orElse(null);
        FeatureDefinition before = selectedFeature.get();
        selectedFeature.set(f);
        // Keep a half-typed description when only an unrelated part of the group changed.
        if (f == null || before == null || !before.name().equals(f.name())
                || Objects.equals(description.get(), before.description())) {
            description.set(f == null ? "" : f.description());
        }
        parameters.setAll(f == null ? List.of()
                : f.parameters().entrySet().stream().map(e -> new KeyValue(e.getKey(), e.getValue())).toList());
    }

    /** Saves the edited description. */
    public void saveDescription() {
        update(new FeatureMetadataUpdate(description.get() == null ? "" : description.get(), Map.of(), List.of()),
                "save the description", () -> { });
    }

    /** Adds (or overwrites) the parameter typed into the new-parameter fields. */
    public void addParameter() {
        String key = newParameterKey.get() == null ? "" : newParameterKey.get().trim();
        String value = newParameterValue.get() == null ? "" : newParameterValue.get().trim();
        if (key.isEmpty()) {
            error.set("Type a parameter key first, e.g. unit or source.");
            return;
        }
        update(new FeatureMetadataUpdate(null, Map.of(key, value), List.of()), "add the parameter", () -> {
            newParameterKey.set("");
            newParameterValue.set("");
        });
    }

    /** Removes one parameter of the selected feature. */
    public void removeParameter(String key) {
        update(new FeatureMetadataUpdate(null, Map.of(), List.of(key)), "remove the parameter", () -> { });
    }

    private void update(FeatureMetadataUpdate change, String action, Runnable afterSuccess) {
        FeatureDefinition feature = selectedFeature.get();
        if (feature == null) {
            return;
        }
        String groupName = group.getValue().name();
        executor.execute(() -> store.updateFeatureMetadata(groupName, feature.name(), change), updated -> {
            error.set("");
            afterSuccess.run();
            // The description draft now equals the saved one, so refreshSelection takes the new value.
            description.set(updated.definition().feature(feature.name()).map(FeatureDefinition::description)
                    .orElse(description.get()));
            events.groupUpdated(updated);
        }, Failures.inline(error, dialogs, action));
    }

    public StringProperty selectedFeatureNameProperty() {
        return selectedFeatureName;
    }

    public ReadOnlyObjectProperty<FeatureDefinition> selectedFeatureProperty() {
        return selectedFeature.getReadOnlyProperty();
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** True when the description field differs from the saved description. */
    public BooleanBinding descriptionChangedProperty() {
        return descriptionChanged;
    }

    public ObservableList<KeyValue> parameters() {
        return parameters;
    }

    public StringProperty newParameterKeyProperty() {
        return newParameterKey;
    }

    public StringProperty newParameterValueProperty() {
        return newParameterValue;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
