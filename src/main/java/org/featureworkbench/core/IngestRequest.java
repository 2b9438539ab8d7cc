package org.featureworkbench.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.TargetStore;

/**
 * What to ingest, where, and how to treat bad rows. Build one with {@link #of} and the
 * {@code with…} methods; immutable.
 *
 * @param groupName      the target feature group
 * @param file           the CSV, Parquet or JSON Lines file
 * @param fileOptions    format and CSV dialect overrides, never null
 * @param targets        stores to write; empty means every store the group has
 * @param newGroup       when not null, the group is created with this definition (its name
 *                       replaced by {@code groupName}) once the file is known to be readable; the
 *                       group must not exist yet. Null: the group must exist.
 * @param renames        source column → feature name for columns whose name differs from their
 *                       feature's (inference's sanitised names); other columns match by name,
 *                       ignoring case. Never null.
 * @param stampEventTime stamp every row with the ingest time as its event time (the file must
 *                       have no event-time column)
 * @param onError        what a bad row does: {@link OnError#SKIP} rejects it, {@link OnError#FAIL}
 *                       makes the whole ingest write nothing
 * @param rejectsFile    where rejected rows go, or null for {@code <workspace>/exports/rejects/<job id>.csv}
 *                       (created only when there are rejects; a file named here is always created)
 */
public record IngestRequest(String groupName, Path file, FileOptions fileOptions, Set<TargetStore> targets,
                            FeatureGroupDefinition newGroup, Map<String, String> renames, boolean stampEventTime,
                            OnError onError, Path rejectsFile) {

    /** What a row that cannot be stored does to the ingest. */
    public enum OnError {
        /** The row goes to the rejects file; the others are stored. */
        SKIP,
        /** The file is checked first; any bad row means nothing is written at all. */
        FAIL
    }

    public IngestRequest {
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(file, "file");
        fileOptions = fileOptions == null ? FileOptions.DETECT : fileOptions;
        targets = targets == null ? Set.of() : Set.copyOf(targets);
        renames = renames == null ? Map.of() : Map.copyOf(renames);
        onError = onError == null ? OnError.SKIP : onError;
    }

    /** Everything detected, both stores, bad rows skipped into the default rejects file; the group must exist. */
    public static IngestRequest of(String groupName, Path file) {
        return new IngestRequest(groupName, file, FileOptions.DETECT, Set.of(), null, Map.of(), false, OnError.SKIP,
                null);
    }

    public IngestRequest withFileOptions(FileOptions options) {
        return new IngestRequest(groupName, file, options, targets, newGroup, renames, stampEventTime, onError,
                rejectsFile);
    }

    public IngestRequest withTargets(Set<TargetStore> stores) {
        return new IngestRequest(groupName, file, fileOptions, stores, newGroup, renames, stampEventTime, onError,
                rejectsFile);
    }

    /** Creates the group from an edited or inferred definition, with the column renames it needs. */
    public IngestRequest withNewGroup(FeatureGroupDefinition definition, Map<String, String> columnRenames) {
        return new IngestRequest(groupName, file, fileOptions, targets, definition, columnRenames, stampEventTime,
                onError, rejectsFile);
    }

    /** Creates the group {@link IngestOperations#infer} suggested: its definition, renames and stamping. */
    public IngestRequest withNewGroup(InferredGroup inferred) {
        return withNewGroup(inferred.definition(), inferred.renames())
                .withStampEventTime(inferred.stampedEventTime() != null);
    }

    public IngestRequest withRenames(Map<String, String> columnRenames) {
        return new IngestRequest(groupName, file, fileOptions, targets, newGroup, columnRenames, stampEventTime,
                onError, rejectsFile);
    }

    public IngestRequest withStampEventTime(boolean stamp) {
        return new IngestRequest(groupName, file, fileOptions, targets, newGroup, renames, stamp, onError, rejectsFile);
    }

    public IngestRequest withOnError(OnError policy) {
        return new IngestRequest(groupName, file, fileOptions, targets, newGroup, renames, stampEventTime, policy,
                rejectsFile);
    }

    public IngestRequest withRejectsFile(Path path) {
        return new IngestRequest(groupName, file, fileOptions, targets, newGroup, renames, stampEventTime, onError, path);
    }
}
