package org.featureworkbench.ui.create;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupValidator;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.NameRules;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.ui.group.GroupEvents;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The "Add features…" form (UpdateFeatureGroup with FeatureAdditions): rows of new names and
 * types, validated as typed against the group's existing features; names can only be new.
 */
public final class AddFeaturesViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final FeatureGroup group;
    private final GroupEvents events;

    private final ObservableList<FeatureRow> features = FXCollections.observableArrayList(FeatureRow::extractor);
    private final ObjectBinding<List<ValidationException>> problems;
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving", false);
    private final BooleanProperty touched = new SimpleBooleanProperty(this, "touched", false);
    private final BooleanBinding canAdd;
    private final StringProperty submitError = new SimpleStringProperty(this, "submitError", "");
    private final ReadOnlyObjectWrapper<FeatureGroup> updated = new ReadOnlyObjectWrapper<>(this, "updated");

    public AddFeaturesViewModel(FeatureStore store, TaskExecutor executor, FeatureGroup group, GroupEvents events) {
        this.store = store;
        this.executor = executor;
        this.group = group;
        this.events = events;
        features.add(new FeatureRow());
        features.addListener((javafx.collections.ListChangeListener<FeatureRow>) c -> touched.set(true));
        problems = Bindings.createObjectBinding(this::computeProblems, features);
        canAdd = Bindings.createBooleanBinding(() -> problems.get().isEmpty() && !saving.get(), problems, saving);
    }

    private List<ValidationException> computeProblems() {
        List<FeatureDefinition> additions = additions();
        List<ValidationException> found = new ArrayList<>();
        for (int i = 0; i < additions.size(); i++) {
            try {
                NameRules.checkFeatureName(additions.get(i).name(), "FeatureAdditions[" + i + "].FeatureName");
            } catch (ValidationException e) {
                found.add(e);
            }
        }
        if (found.isEmpty()) {
            // The validator knows the rules across rows: existing names, duplicates, the 2,500 cap.
            try {
                FeatureGroupValidator.validateAdditions(group.definition(), additions);
            } catch (ValidationException e) {
                found.add(e);
            }
        }
        return found;
    }

    private List<FeatureDefinition> additions() {
        return features.stream().map(FeatureRow::toDefinition).toList();
    }

    /** Adds the features; on success {@link #updatedProperty()} is set and the shell is told. */
    public void add() {
        if (!canAdd.get()) {
            touched.set(true);
            return;
        }
        List<FeatureDefinition> additions = additions();
        saving.set(true);
        submitError.set("");
        // Adding features copies the online table (~20 s per 300,000 records): off the short-task pool.
        executor.executeMayWait(() -> store.addFeatures(group.name(), additions), result -> {
            saving.set(false);
            updated.set(result);
            events.groupUpdated(result);
        }, e -> {
            saving.set(false);
            submitError.set(e instanceof FeatureStoreException ? e.getMessage()
                    : "The features were not added: something unexpected went wrong"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + ". Nothing was changed; the details are in the log.");
        });
    }

    /** The problems as shown under the table, or empty before the user typed anything. */
    public StringBinding problemText() {
        return Bindings.createStringBinding(() -> touched.get()
                ? String.join("\n", problems.get().stream().map(FormField::message).toList()) : "", problems, touched);
    }

    public FeatureGroup group() { return group; }
    public ObservableList<FeatureRow> features() { return features; }
    public ObjectBinding<List<ValidationException>> problemsProperty() { return problems; }
    public BooleanBinding canAddProperty() { return canAdd; }
    public StringProperty submitErrorProperty() { return submitError; }
    /** The group with the new features once Add succeeded; the dialog closes then. */
    public ReadOnlyObjectProperty<FeatureGroup> updatedProperty() { return updated.getReadOnlyProperty(); }
}
