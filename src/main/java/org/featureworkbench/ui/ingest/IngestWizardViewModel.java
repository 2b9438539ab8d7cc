package org.featureworkbench.ui.ingest;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.core.FileOptions;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.core.NewColumns;
import org.featureworkbench.ui.group.GroupEvents;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The ingest wizard: file → preview → mapping → stores → run → summary, into an existing group
 * ({@code target} given) or a new group defined from the file. Each step has its own view model;
 * this one moves between them and builds the {@link IngestRequest}.
 */
public final class IngestWizardViewModel {
    // The group ingested into (null for a new one); replaced when the file's new columns are added as features.
    private FeatureGroup target;
    private final ReadOnlyObjectWrapper<WizardStep> step = new ReadOnlyObjectWrapper<>(this, "step", WizardStep.FILE);
    private final SourceStepViewModel source;
    private final TargetsStepViewModel targets;
    private final DefinitionStepViewModel definition;
    private final GroupMappingViewModel mapping;
    private final IngestRunViewModel run;
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;
    private final StringBinding nextLabel;

    /**
     * @param target      the group to ingest into, or null to create a group from the file
     * @param jobsChanged told when a job starts or ends (the jobs list refreshes)
     */
    public IngestWizardViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs, GroupEvents events,
                                 Runnable jobsChanged, FeatureGroup target) {
        this.target = target;
        source = new SourceStepViewModel(store, executor, dialogs);
        targets = new TargetsStepViewModel(dialogs, store.exportsDirectory().resolve("rejects"));
        definition = new DefinitionStepViewModel(targets.onlineProperty(), targets.offlineProperty());
        mapping = new GroupMappingViewModel();
        run = new IngestRunViewModel(store, executor, dialogs, events, jobsChanged);
        run.onFinished(() -> step.set(WizardStep.SUMMARY));
        if (target != null) {
            targets.forGroup(target);
        } else {
            executor.execute(() -> store.listFeatureGroups(org.featureworkbench.model.GroupListQuery.ALL).stream()
                    .map(org.featureworkbench.model.FeatureGroup::name).toList(), definition::knownGroups, e -> { });
        }
        mapping.onAddNewColumns(() -> addNewColumns(store, executor, events));
        // Not while the file's new columns are being added: an ingest started meanwhile would read the old definition.
        canNext = Bindings.createBooleanBinding(() -> !mapping.addingProperty().get() && computeCanNext(), step,
                source.canInferProperty(), source.inferredProperty(), definition.completeProperty(),
                mapping.problemProperty(), targets.problemProperty(), definition.problemsProperty(),
                mapping.addingProperty());
        canBack = Bindings.createBooleanBinding(() -> !mapping.addingProperty().get() && switch (step.get()) {
            case PREVIEW, MAPPING, STORES -> true;
            default -> false;
        }, step, mapping.addingProperty());
        nextLabel = Bindings.createStringBinding(() -> switch (step.get()) {
            case FILE -> "Read file";
            case STORES -> "Start ingest";
            default -> "Next";
        }, step);
    }

    private boolean computeCanNext() {
        return switch (step.get()) {
            case FILE -> source.canInferProperty().get();
            case PREVIEW -> source.inferredProperty().get() != null;
            case MAPPING -> target == null ? definition.completeProperty().get() : mapping.problemProperty().get().isEmpty();
            case STORES -> targets.problemProperty().get().isEmpty()
                    && (target != null || definition.problemsProperty().get().isEmpty());
            case RUN, SUMMARY -> false;
        };
    }

    /**
     * Goes to the next step; from the file step this reads the file first (in the background) and
     * shows its preview, from which the wizard goes on only when a group could be inferred.
     */
    public void next() {
        if (!canNext.get()) {
            return;
        }
        switch (step.get()) {
            case FILE -> source.read(inferred -> {
                // Without an inferred group there is nothing to map: the preview shows why, Next stays off.
                if (inferred != null && target == null) {
                    definition.load(inferred);
                } else if (inferred != null) {
                    mapping.load(target, inferred);
                }
                step.set(WizardStep.PREVIEW);
            });
            case PREVIEW -> step.set(WizardStep.MAPPING);
            case MAPPING -> step.set(WizardStep.STORES);
            case STORES -> {
                step.set(WizardStep.RUN);
                run.start(request(), target == null);
            }
            default -> { }
        }
    }

    private void addNewColumns(FeatureStore store, TaskExecutor executor, GroupEvents events) {
        InferredGroup inferred = source.inferredProperty().get();
        java.nio.file.Path file = source.fileProperty().get();
        if (target == null || inferred == null || file == null) {
            return;
        }
        String group = target.name();
        FileOptions options = source.fileOptions();
        boolean stamp = mapping.stampProperty().get();
        mapping.adding(true);
        mapping.addResultProperty().set("");
        // Adding features copies the group's online table: the lane for work that may take long.
        executor.executeMayWait(() -> {
            NewColumns added = store.ingest().addNewColumnsAsFeatures(group, file, options, stamp);
            return new Added(added, store.describeFeatureGroup(group));
        }, done -> {
            mapping.adding(false);
            target = done.group();
            events.groupUpdated(done.group());
            // The user cannot leave the step while this runs, so the file read is still the one shown.
            mapping.load(done.group(), inferred);
            int n = done.columns().features().size();
            mapping.addResultProperty().set(n == 0 ? "No column could be added: each needs a valid feature name."
                    : "Added " + done.columns().describe() + " to " + group + "; this ingest keeps "
                            + (n == 1 ? "its column." : "their columns."));
        }, e -> {
            mapping.adding(false);
            mapping.addResultProperty().set("Could not add the columns as features: " + e.getMessage());
        });
    }

    private record Added(NewColumns columns, FeatureGroup group) {
    }

    /** Goes back one step (not once the ingest has started). */
    public void back() {
        if (canBack.get()) {
            step.set(WizardStep.values()[step.get().ordinal() - 1]);
        }
    }

    /** The request the wizard describes now. */
    public IngestRequest request() {
        String group = target != null ? target.name() : definition.definition().name();
        IngestRequest r = IngestRequest.of(group, source.fileProperty().get())
                .withFileOptions(source.fileOptions())
                .withTargets(targets.targets())
                .withOnError(targets.onErrorProperty().get())
                .withRejectsFile(targets.rejectsFileProperty().get());
        return target != null ? r.withStampEventTime(mapping.stampProperty().get())
                : r.withNewGroup(definition.definition(), definition.renames())
                        .withStampEventTime(definition.stampProperty().get());
    }

    /** The window title. */
    public String title() {
        return target != null ? "Ingest a file into " + target.name() : "New feature group from a file";
    }

    /** The group ingested into, or null for a new group. */
    public FeatureGroup target() { return target; }
    public ReadOnlyObjectProperty<WizardStep> stepProperty() { return step.getReadOnlyProperty(); }
    public BooleanBinding canNextProperty() { return canNext; }
    public BooleanBinding canBackProperty() { return canBack; }
    public StringBinding nextLabelProperty() { return nextLabel; }
    public SourceStepViewModel source() { return source; }
    public DefinitionStepViewModel definition() { return definition; }
    public GroupMappingViewModel mapping() { return mapping; }
    public TargetsStepViewModel targets() { return targets; }
    public IngestRunViewModel run() { return run; }
}
