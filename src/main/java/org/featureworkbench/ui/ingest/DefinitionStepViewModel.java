package org.featureworkbench.ui.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureGroupValidator;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.ui.create.FeatureChoices;
import org.featureworkbench.ui.create.FeatureRow;
import org.featureworkbench.ui.create.FormField;

/**
 * Step 3 for a new group: the group that inference suggested, editable — its name, each column's
 * feature name and type (or leave a column out), the record identifier, and the event time or
 * "stamp every row with the ingest time". Validated on every edit with {@link FeatureGroupValidator},
 * as the New group dialog is; the stores come from the stores step.
 */
public final class DefinitionStepViewModel {
    private static final String DEFAULT_STAMP = "EventTime";

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObservableList<ColumnRow> rows = FXCollections.observableArrayList(ColumnRow::extractor);
    private final ObservableList<String> recordIdChoices = FXCollections.observableArrayList();
    private final ObservableList<String> eventTimeChoices = FXCollections.observableArrayList();
    private final StringProperty recordId = new SimpleStringProperty(this, "recordId");
    private final StringProperty eventTime = new SimpleStringProperty(this, "eventTime");
    private final BooleanProperty stamp = new SimpleBooleanProperty(this, "stamp", false);
    private final StringProperty stampName = new SimpleStringProperty(this, "stampName", DEFAULT_STAMP);
    private final BooleanProperty online;
    private final BooleanProperty offline;
    private final ObjectBinding<List<ValidationException>> problems;
    private final BooleanBinding complete;
    private String chosenEventTime;
    /** The workspace's group names, lower case (names are unique whatever their case). */
    private final javafx.collections.ObservableSet<String> existingNames = FXCollections.observableSet();

    DefinitionStepViewModel(BooleanProperty online, BooleanProperty offline) {
        this.online = online;
        this.offline = offline;
        FeatureChoices recordIds = new FeatureChoices(recordIdChoices, recordId, Set.of(FeatureType.INTEGRAL, FeatureType.STRING));
        FeatureChoices eventTimes = new FeatureChoices(eventTimeChoices, eventTime, Set.of(FeatureType.FRACTIONAL, FeatureType.STRING));
        Runnable updateChoices = () -> {
            recordIds.update(featureRows());
            eventTimes.update(featureRows());
        };
        rows.addListener((ListChangeListener<ColumnRow>) c -> updateChoices.run());
        stamp.addListener((o, was, on) -> {
            // Stamping replaces the chosen column; un-ticking gives the column back.
            if (on) {
                chosenEventTime = eventTime.get();
            }
            updateChoices.run();
            eventTime.set(on ? stampName.get() : chosenEventTime);
        });
        problems = Bindings.createObjectBinding(this::findProblems, name, description, rows, recordId, eventTime, stamp,
                online, offline, existingNames);
        complete = Bindings.createBooleanBinding(() -> problems.get().stream()
                .noneMatch(p -> FormField.of(p.field()) != FormField.STORES), problems);
    }

    /** The names of the groups the workspace has: a new group's name must be none of them. */
    void knownGroups(java.util.Collection<String> names) {
        existingNames.clear();
        names.forEach(n -> existingNames.add(n.toLowerCase(java.util.Locale.ROOT)));
    }

    private List<ValidationException> findProblems() {
        List<ValidationException> found = new java.util.ArrayList<>(FeatureGroupValidator.problems(definition()));
        String typed = name.get() == null ? "" : name.get().trim();
        // Said here, not when the ingest starts: the step after this one cannot come back.
        if (existingNames.contains(typed.toLowerCase(java.util.Locale.ROOT))) {
            found.add(0, new ValidationException("FeatureGroupName", "a feature group named '" + typed + "' already"
                    + " exists in this workspace; choose another name (to add this file to that group, open the group"
                    + " and use its Ingest file… button)"));
        }
        return found;
    }

    /** Fills the step from what inference suggested. */
    public void load(InferredGroup inferred) {
        FeatureGroupDefinition d = inferred.definition();
        name.set(d.name());
        description.set(d.description());
        String stamped = inferred.stampedEventTime();
        stampName.set(stamped != null ? stamped : freeStampName(inferred));
        stamp.set(false);
        rows.setAll(inferred.columns().stream().map(ColumnRow::new).toList());
        recordId.set(d.recordIdentifierFeatureName());
        eventTime.set(stamped != null ? null : d.eventTimeFeatureName());
        chosenEventTime = eventTime.get();
        // No event-time column found: stamping is the likely wish (as AWS's introduction notebook does).
        stamp.set(stamped != null || d.eventTimeFeatureName() == null);
    }

    private static String freeStampName(InferredGroup inferred) {
        String candidate = DEFAULT_STAMP;
        for (int i = 2; taken(inferred, candidate); i++) {
            candidate = DEFAULT_STAMP + "_" + i;
        }
        return candidate;
    }

    private static boolean taken(InferredGroup inferred, String name) {
        return inferred.columns().stream().anyMatch(c -> c.column().equalsIgnoreCase(name)
                || c.featureName().equalsIgnoreCase(name));
    }

    private List<FeatureRow> featureRows() {
        List<FeatureRow> features = new ArrayList<>();
        rows.stream().filter(r -> r.includeProperty().get()).forEach(r -> features.add(r.feature()));
        if (stamp.get()) {
            features.add(new FeatureRow(stampName.get(), FeatureType.FRACTIONAL));
        }
        return features;
    }

    /** The CreateFeatureGroup definition the step describes (not necessarily valid). */
    public FeatureGroupDefinition definition() {
        List<FeatureDefinition> features = new ArrayList<>(featureRows().stream().map(FeatureRow::toDefinition).toList());
        return new FeatureGroupDefinition(name.get() == null ? "" : name.get().trim(), recordId.get(), eventTime.get(),
                features, description.get(), Map.of(), new OnlineStoreConfig(online.get(), null),
                new OfflineStoreConfig(offline.get()));
    }

    /** Column → feature name for every included column whose feature is named differently. */
    public Map<String, String> renames() {
        Map<String, String> renames = new LinkedHashMap<>();
        for (ColumnRow r : rows) {
            if (r.includeProperty().get() && !r.column().equals(r.featureName())) {
                renames.put(r.column(), r.featureName());
            }
        }
        return renames;
    }

    /** The message for one input (all problems show at once: the form starts filled in by inference). */
    public StringBinding problemFor(FormField field) {
        return Bindings.createStringBinding(() -> FormField.group(problems.get()).getOrDefault(field, ""), problems);
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    public ObservableList<ColumnRow> rows() { return rows; }
    public ObservableList<String> recordIdChoices() { return recordIdChoices; }
    public ObservableList<String> eventTimeChoices() { return eventTimeChoices; }
    public StringProperty recordIdProperty() { return recordId; }
    public StringProperty eventTimeProperty() { return eventTime; }
    /** Stamp every row with the ingest time in an added Fractional feature instead of reading an event time. */
    public BooleanProperty stampProperty() { return stamp; }
    /** The name of the stamped feature. */
    public StringProperty stampNameProperty() { return stampName; }
    public ObjectBinding<List<ValidationException>> problemsProperty() { return problems; }
    /** No problem apart from the stores (those are the next step's). */
    public BooleanBinding completeProperty() { return complete; }
}
