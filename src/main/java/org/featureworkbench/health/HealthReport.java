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

    public boolean healthy() {
        return findings.isEmpty();
    }
}
