package org.featureworkbench.ui.create;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureGroupValidator;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.ResourceInUseException;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.group.GroupEvents;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The "New feature group" form. Every edit re-runs {@link FeatureGroupValidator#problems} on
 * the definition the form describes; a problem is shown beside its input once the user has
 * touched that input (a fresh form is not a wall of red), while Create stays disabled until
 * there are no problems at all.
 */
public final class NewGroupViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final GroupEvents events;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObservableList<FeatureRow> features = FXCollections.observableArrayList(FeatureRow::extractor);
    private final ObservableList<String> recordIdChoices = FXCollections.observableArrayList();
    private final ObservableList<String> eventTimeChoices = FXCollections.observableArrayList();
    private final StringProperty recordId = new SimpleStringProperty(this, "recordId");
    private final StringProperty eventTime = new SimpleStringProperty(this, "eventTime");
    private final BooleanProperty online = new SimpleBooleanProperty(this, "online", true);
    private final BooleanProperty ttlEnabled = new SimpleBooleanProperty(this, "ttlEnabled", false);
    private final ObjectProperty<Integer> ttlValue = new SimpleObjectProperty<>(this, "ttlValue", 7);
    private final ObjectProperty<TtlUnit> ttlUnit = new SimpleObjectProperty<>(this, "ttlUnit", TtlUnit.DAYS);
    private final BooleanProperty offline = new SimpleBooleanProperty(this, "offline", true);
    private final ObservableList<TagRow> tags = FXCollections.observableArrayList(TagRow::extractor);

    private final ObservableSet<FormField> touched = FXCollections.observableSet(EnumSet.noneOf(FormField.class));
    private final StringProperty nameTaken = new SimpleStringProperty(this, "nameTaken", "");
    private final ObjectBinding<List<ValidationException>> problems;
    private final BooleanProperty creating = new SimpleBooleanProperty(this, "creating", false);
    private final BooleanBinding canCreate;
    private final StringProperty submitError = new SimpleStringProperty(this, "submitError", "");
    private final StringProperty importMessage = new SimpleStringProperty(this, "importMessage", "");
    private final ReadOnlyObjectWrapper<FeatureGroup> created = new ReadOnlyObjectWrapper<>(this, "created");

    public NewGroupViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs, GroupEvents events) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.events = events;
        FeatureChoices recordIds = new FeatureChoices(recordIdChoices, recordId, Set.of(FeatureType.INTEGRAL, FeatureType.STRING));
        FeatureChoices eventTimes = new FeatureChoices(eventTimeChoices, eventTime, Set.of(FeatureType.FRACTIONAL, FeatureType.STRING));
        features.addListener((javafx.collections.ListChangeListener<FeatureRow>) c -> {
            recordIds.update(features);
            eventTimes.update(features);
        });
        features.add(new FeatureRow());
        problems = Bindings.createObjectBinding(this::computeProblems, name, description, features, recordId,
                eventTime, online, ttlEnabled, ttlValue, ttlUnit, offline, tags, nameTaken);
        canCreate = Bindings.createBooleanBinding(() -> problems.get().isEmpty() && !creating.get(), problems, creating);
        touchOnChange();
    }

    private void touchOnChange() {
        name.addListener((o, a, b) -> {
            touched.add(FormField.NAME);
            nameTaken.set("");
        });
        description.addListener((o, a, b) -> touched.add(FormField.DESCRIPTION));
        // Once features are being typed, the pickers below them are the next thing to do.
        features.addListener((javafx.collections.ListChangeListener<FeatureRow>) c -> touched.addAll(
                List.of(FormField.FEATURES, FormField.RECORD_ID, FormField.EVENT_TIME)));
        recordId.addListener((o, a, b) -> touched.add(FormField.RECORD_ID));
        eventTime.addListener((o, a, b) -> touched.add(FormField.EVENT_TIME));
        for (BooleanProperty store : List.of(online, offline, ttlEnabled)) {
            store.addListener((o, a, b) -> touched.add(FormField.STORES));
        }
        tags.addListener((javafx.collections.ListChangeListener<TagRow>) c -> touched.add(FormField.TAGS));
    }

    private List<ValidationException> computeProblems() {
        List<ValidationException> all = new ArrayList<>(FeatureGroupValidator.problems(definition()));
        if (!nameTaken.get().isEmpty()) {
            all.add(0, new ValidationException("FeatureGroupName", nameTaken.get()));
        }
        if (ttlEnabled.get() && online.get() && (ttlValue.get() == null || ttlValue.get() < 1)) {
            all.add(new ValidationException("OnlineStoreConfig.TtlDuration.Value", "the TTL must be a whole number of at least 1"));
        }
        all.addAll(TagRows.duplicateKeys(tags));
        return all;
    }

    /** The CreateFeatureGroup request the form currently describes (not necessarily valid). */
    public FeatureGroupDefinition definition() {
        boolean withTtl = online.get() && ttlEnabled.get() && ttlValue.get() != null && ttlValue.get() >= 1;
        return new FeatureGroupDefinition(name.get() == null ? "" : name.get().trim(), recordId.get(), eventTime.get(),
                features.stream().map(FeatureRow::toDefinition).toList(), description.get(), TagRows.toMap(tags),
                new OnlineStoreConfig(online.get(), withTtl ? new TtlDuration(ttlUnit.get(), ttlValue.get()) : null),
                new OfflineStoreConfig(offline.get()));
    }

    /** The message to show beside {@code field}, or empty while it is fine or untouched. */
    public StringBinding problemFor(FormField field) {
        return Bindings.createStringBinding(() -> touched.contains(field)
                ? FormField.group(problems.get()).getOrDefault(field, "") : "", problems, touched);
    }

    /** Creates the group; on success {@link #createdProperty()} is set and the shell is told. */
    public void create() {
        if (!canCreate.get()) {
            touched.addAll(EnumSet.allOf(FormField.class));
            return;
        }
        FeatureGroupDefinition definition = definition();
        creating.set(true);
        submitError.set("");
        executor.execute(() -> store.createFeatureGroup(definition), group -> {
            creating.set(false);
            created.set(group);
            events.groupCreated(group);
        }, e -> {
            creating.set(false);
            if (e instanceof ResourceInUseException) {
                nameTaken.set(e.getMessage());
            } else if (e instanceof FeatureStoreException) {
                submitError.set(e.getMessage());
            } else {
                dialogs.showError("Could not create the feature group", "The feature group was not created. "
                        + "The details below help when reporting the problem.", e);
            }
        });
    }

    /** Asks for a CreateFeatureGroup JSON file and fills the form from it. */
    public void importJson() {
        dialogs.chooseFileToOpen("Import a CreateFeatureGroup JSON file", "CreateFeatureGroup JSON", "*.json")
                .ifPresent(this::importFrom);
    }

    /** Reads {@code file} in the background and fills the form; problems land in {@link #importMessageProperty()}. */
    public void importFrom(Path file) {
        executor.execute(() -> CreateFeatureGroupJson.read(Files.readString(file), file.getFileName().toString()),
                parsed -> {
                    apply(parsed.definition());
                    importMessage.set(parsed.warnings().isEmpty() ? "Imported " + file.getFileName() + "."
                            : "Imported " + file.getFileName() + " with warnings:\n" + String.join("\n", parsed.warnings()));
                },
                e -> importMessage.set("Could not import " + file.getFileName() + ": " + e.getMessage()));
    }

    /** Fills every input from a definition (e.g. an imported file). */
    public void apply(FeatureGroupDefinition d) {
        name.set(d.name());
        description.set(d.description());
        features.setAll(d.features().stream().map(f -> new FeatureRow(f.name(), f.type())).toList());
        recordId.set(d.recordIdentifierFeatureName());
        eventTime.set(d.eventTimeFeatureName());
        online.set(d.onlineStore().enabled());
        ttlEnabled.set(d.onlineStore().ttl() != null);
        d.onlineStore().ttlOptional().ifPresent(ttl -> {
            ttlUnit.set(ttl.unit());
            ttlValue.set((int) Math.min(Integer.MAX_VALUE, ttl.value()));
        });
        offline.set(d.offlineStore().enabled());
        Map<String, String> tagMap = new LinkedHashMap<>(d.tags());
        tags.setAll(tagMap.entrySet().stream().map(t -> new TagRow(t.getKey(), t.getValue())).toList());
        touched.addAll(EnumSet.allOf(FormField.class));
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    public ObservableList<FeatureRow> features() { return features; }
    public ObservableList<String> recordIdChoices() { return recordIdChoices; }
    public ObservableList<String> eventTimeChoices() { return eventTimeChoices; }
    public StringProperty recordIdProperty() { return recordId; }
    public StringProperty eventTimeProperty() { return eventTime; }
    public BooleanProperty onlineProperty() { return online; }
    public BooleanProperty ttlEnabledProperty() { return ttlEnabled; }
    public ObjectProperty<Integer> ttlValueProperty() { return ttlValue; }
    public ObjectProperty<TtlUnit> ttlUnitProperty() { return ttlUnit; }
    public BooleanProperty offlineProperty() { return offline; }
    public ObservableList<TagRow> tags() { return tags; }
    public ObjectBinding<List<ValidationException>> problemsProperty() { return problems; }
    public BooleanBinding canCreateProperty() { return canCreate; }
    public BooleanProperty creatingProperty() { return creating; }
    /** A store error that belongs to no single input, shown above the buttons. */
    public StringProperty submitErrorProperty() { return submitError; }
    /** The outcome of the last import: warnings, or the error with file, line and column. */
    public StringProperty importMessageProperty() { return importMessage; }
    /** The created group once Create succeeded; the dialog closes then. */
    public ReadOnlyObjectProperty<FeatureGroup> createdProperty() { return created.getReadOnlyProperty(); }
}
