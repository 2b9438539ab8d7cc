package org.featureworkbench.health;

import java.util.List;

/**
 * What {@code check} found, damage first.
 *
 * @param workspace the workspace folder checked
 * @param findings  every finding; empty when the workspace is healthy
 * @param checked   what was looked at, e.g. "2 online tables, 14 Parquet files, 3 journal segments"
 */
public record HealthReport(java.nio.file.Path workspace, List<Finding> findings, String checked) {

    public HealthReport {
        findings = findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::severity).thenComparing(Finding::kind))
                .toList();
    }

    /** Whether anything is damaged (the CLI then exits non-zero). */
    public boolean damaged() {
        return findings.stream().anyMatch(Finding::isDamage);
    }

    /**
     * Whether pages of the database file cannot be read. Repairing such a file in place leaves the
     * damaged pages in it (H2's own housekeeping can still trip over them later), so repair then
     * sets the file aside and builds a new one.
     */
    public boolean needsNewDatabase() {
        return findings.stream().anyMatch(f -> f.kind() == Finding.Kind.ONLINE_TABLE_DAMAGED
                || f.kind() == Finding.Kind.CATALOG_UNREADABLE || f.kind() == Finding.Kind.DATABASE_UNREADABLE);
    }

    public boolean healthy() {
        return findings.isEmpty();
    }
}
