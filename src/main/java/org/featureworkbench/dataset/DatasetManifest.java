package org.featureworkbench.dataset;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What makes a dataset reproducible (issue 11): its options, the SQL that ran, the groups with
 * their definitions and the exact offline files read, the as-of time and each part's rows and
 * SHA-256. {@code dataset --from-manifest} rebuilds the same rows from it, however much was
 * written to the store since.
 *
 * @param id         a unique id, also the name of its copy in {@code <workspace>/datasets/}
 * @param path       where this manifest was read from (null before it is written)
 * @param builtAt    when the build started
 * @param asOf       every group was read as the store knew it at this write time
 * @param spec       the options (with {@code asOf} set)
 * @param output     the output path the user gave
 * @param sql        the SQL that produced the rows
 * @param baseSha256 for a file base, the SHA-256 of the file read (else null)
 * @param groups     every group read, joined or base
 * @param parts      the files written
 */
public record DatasetManifest(String id, Path path, Instant builtAt, Instant asOf, DatasetSpec spec, Path output,
                              String sql, String baseSha256, List<ManifestGroup> groups, List<DatasetPart> parts) {
    public DatasetManifest {
        groups = List.copyOf(groups);
        parts = List.copyOf(parts);
    }

    public long rows() {
        return parts.stream().mapToLong(DatasetPart::rows).sum();
    }

    DatasetManifest at(Path file) {
        return new DatasetManifest(id, file, builtAt, asOf, spec, output, sql, baseSha256, groups, parts);
    }
}
