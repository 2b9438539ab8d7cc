package org.featureworkbench.cli;

import java.nio.file.Files;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.PutRecordJson;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.PutResult;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.model.WriteOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code put GROUP --record JSON | --record-file FILE}: SageMaker's PutRecord. */
@Command(name = "put", sortOptions = false,
        description = {"Put a record (a full overwrite) into a group's online and offline stores.",
                "A newer event time updates the online store and is queued for the offline store; an older one",
                "is history, queued for the offline store only."},
        footer = {"", "Examples:",
                "  put customers --record '{\"customer_id\":\"573291\",\"event_time\":\"2023-11-14T22:13:20Z\",\"age\":42}'",
                "  put customers --record '[{\"FeatureName\":\"customer_id\",\"ValueAsString\":\"573291\"}, …]'",
                "  put customers --record-file records.jsonl --target offline"})
final class PutCommand extends RecordCommand {
    @Parameters(paramLabel = "GROUP", description = "Feature group name.")
    String group;

    @Option(names = "--record", paramLabel = "JSON",
            description = "The record: {\"feature\": value, …} (strings or numbers; null = absent), or SageMaker's"
                    + " [{\"FeatureName\": …, \"ValueAsString\": …}].")
    String recordJson;

    @Option(names = "--record-file", paramLabel = "FILE",
            description = "JSON Lines: one record per line, blank lines skipped; stops at the first bad line.")
    Path recordFile;

    @Option(names = "--target", paramLabel = "STORES",
            description = "online, offline or online,offline (default: the group's stores).")
    String target;

    @Option(names = "--ttl", paramLabel = "DURATION",
            description = "Record TTL overriding the group's, e.g. 90s, 30m, 12h, 7d: ExpiresAt = event time + TTL.")
    String ttl;

    private Record record;
    private Set<TargetStore> targets = Set.of();
    private TtlDuration recordTtl;

    @Override
    protected void prepare() {
        if ((recordJson == null) == (recordFile == null)) {
            throw new ParameterException(spec.commandLine(), recordJson == null
                    ? "Missing required option: give --record JSON or --record-file FILE"
                    : "--record and --record-file cannot be combined; give one of them");
        }
        targets = target == null ? Set.of() : TargetStore.parseList(target, "--target");
        recordTtl = ttl == null ? null : TtlDuration.parse(ttl, "--ttl");
        if (recordJson != null) {
            try {
                record = PutRecordJson.read(recordJson, false);
            } catch (ValidationException e) {
                throw new ValidationException("--record", e.getMessage());
            }
        } else if (!Files.isRegularFile(recordFile)) {
            throw new FeatureStoreException("cannot read " + recordFile + ": "
                    + (Files.isDirectory(recordFile) ? "it is a folder, not a file" : "no such file"));
        }
    }

    @Override
    protected void run(FeatureStore store) {
        FeatureGroup featureGroup = store.describeFeatureGroup(group);
        FeatureGroupDefinition definition = featureGroup.definition();
        if (recordFile != null) {
            PutTally tally = new RecordFilePut(recordFile, line -> put(store, line)).run();
            out().println(tally.summary(group));
            return;
        }
        PutResult result = put(store, record);
        String id = record.value(definition.recordIdentifierFeatureName());
        String stored = result.online() == WriteOutcome.OLDER_IGNORED ? storedEventTime(store, definition, id) : null;
        out().println("Put record " + id + " into " + group + ": " + PutTally.describe(result, stored) + "."
                + (result.online() != null && result.online().onlineChanged() ? expiredNote(featureGroup) : ""));
    }

    /** Says so when event time + TTL is already past: the put succeeded, but reads will not return it. */
    private String expiredNote(FeatureGroup featureGroup) {
        Instant expiresAt = RecordValidator.validate(featureGroup, record).expiresAt(featureGroup.definition(), recordTtl);
        if (expiresAt == null || expiresAt.isAfter(Instant.now())) {
            return "";
        }
        return " It has already expired (event time + TTL = " + EventTimes.format(expiresAt, FeatureType.STRING)
                + " is in the past), so reads will not return it.";
    }

    private PutResult put(FeatureStore store, Record r) {
        try {
            return store.records().putRecord(group, r, targets, recordTtl, this::noteWait);
        } catch (ValidationException e) {
            // The store speaks SageMaker's field names; point at the option the user typed.
            throw "TargetStores".equals(e.field()) ? new ValidationException("--target", e.reason()) : e;
        }
    }

    /** The event time of the online record that made this put history, or null if it is gone by now. */
    private String storedEventTime(FeatureStore store, FeatureGroupDefinition definition, String id) {
        return store.records().getRecord(group, id, List.of(definition.recordIdentifierFeatureName()))
                .map(OnlineRecord::eventTime)
                .map(t -> EventTimes.format(t, FeatureType.STRING))
                .orElse(null);
    }
}
