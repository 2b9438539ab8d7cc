package org.featureworkbench.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code delete GROUP ID --event-time T}: SageMaker's DeleteRecord (a record, not a group: see 'group delete'). */
@Command(name = "delete", sortOptions = false,
        description = {"Delete a record: SoftDelete (default) hides it, --hard removes the online row.",
                "Both append a delete marker (is_deleted=true) to the offline store."},
        footer = {"", "Example:", "  delete customers 573291 --event-time 2023-11-15T08:00:00Z --hard"})
final class DeleteRecordCommand extends RecordCommand {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Feature group name.")
    String group;

    @Parameters(index = "1", paramLabel = "ID", description = "Record identifier value.")
    String id;

    @Option(names = "--event-time", required = true, paramLabel = "T",
            description = "The delete's event time: epoch seconds (1700000000.5) or ISO-8601 UTC (2023-11-14T22:13:20Z).")
    String eventTime;

    @Option(names = "--hard", description = "HardDelete: remove the online row; the event time must be later than the stored one.")
    boolean hard;

    @Option(names = "--target", paramLabel = "STORES",
            description = "online, offline or online,offline (default: the group's stores).")
    String target;

    private Set<TargetStore> targets = Set.of();

    @Override
    protected void prepare() {
        targets = target == null ? Set.of() : TargetStore.parseList(target, "--target");
    }

    @Override
    protected void run(FeatureStore store) {
        FeatureGroupDefinition definition = store.describeFeatureGroup(group).definition();
        boolean changed;
        try {
            changed = store.records().deleteRecord(group, id, eventTime,
                    hard ? DeletionMode.HARD_DELETE : DeletionMode.SOFT_DELETE, targets, this::noteWait);
        } catch (ValidationException e) {
            throw switch (e.field()) {
                case "TargetStores" -> new ValidationException("--target", e.reason());
                case "EventTime" -> new ValidationException("--event-time", e.reason());
                default -> e;
            };
        }
        boolean online = targets.isEmpty() ? definition.onlineStore().enabled() : targets.contains(TargetStore.ONLINE_STORE);
        boolean offline = targets.isEmpty() ? definition.offlineStore().enabled() : targets.contains(TargetStore.OFFLINE_STORE);
        String onlinePart = !online ? "online store not a target" : onlineOutcome(store, definition, changed);
        String offlinePart = offline ? "delete marker queued for the offline store" : "offline store not a target";
        out().println((hard ? "Hard" : "Soft") + "-deleted record " + id + " in " + group + ": " + onlinePart + "; "
                + offlinePart + ".");
    }

    private String onlineOutcome(FeatureStore store, FeatureGroupDefinition definition, boolean changed) {
        if (changed) {
            return hard ? "removed from the online store" : "no longer readable online";
        }
        Optional<OnlineRecord> still = store.records().getRecord(group, id, List.of(definition.recordIdentifierFeatureName()));
        return still.map(r -> "still readable online, its stored event time " + RecordText.iso(r.eventTime())
                        + " is later than the delete's")
                .orElse("there was no readable online record (never written, already deleted, or expired)");
    }
}
