package org.featureworkbench.dataset;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a build wrote.
 *
 * @param manifest   the manifest beside the output (also listed in the workspace's datasets)
 * @param parts      the files, in split order
 * @param asOf       the write time the store was read as of
 * @param sql        the SQL that produced the rows
 * @param elapsed    how long the build took
 * @param comparison for a rebuild from a manifest: whether every file equals the original (by
 *                   SHA-256), in words; null for a new build
 * @param identical  for a rebuild: true when every part's SHA-256 equals the manifest's
 * @param notes      what to know about the rows before training on them (rows a joined group gave
 *                   no value, an empty part), in words; empty when nothing stands out
 */
public record BuiltDataset(Path manifest, List<DatasetPart> parts, Instant asOf, String sql, Duration elapsed,
                           String comparison, boolean identical, List<String> notes) {
    public BuiltDataset {
        parts = List.copyOf(parts);
        notes = List.copyOf(notes);
    }

    public long rows() {
        return parts.stream().mapToLong(DatasetPart::rows).sum();
    }
}
