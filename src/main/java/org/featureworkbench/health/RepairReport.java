package org.featureworkbench.health;

import java.util.List;

/**
 * What {@code repair} did and what it could not do.
 *
 * @param repaired    each thing put right, e.g. "rebuilt the online table of 'orders' from its offline store (600 records)"
 * @param movedAside  each file moved or copied into {@code <workspace>/damaged/}, with where it went
 * @param notRestored each thing that could not be restored, and why
 * @param after       the check run after the repair
 */
public record RepairReport(List<String> repaired, List<String> movedAside, List<String> notRestored, HealthReport after) {

    public RepairReport {
        repaired = List.copyOf(repaired);
        movedAside = List.copyOf(movedAside);
        notRestored = List.copyOf(notRestored);
    }

    /** Whether the database file has unreadable pages, so only {@code HealthOperations.repairWithNewDatabase} can repair it. */
    public boolean needsNewDatabase() {
        return after.needsNewDatabase();
    }

    /** Whether everything was restored and the workspace now checks clean of damage. */
    public boolean complete() {
        return notRestored.isEmpty() && !after.damaged();
    }
}
