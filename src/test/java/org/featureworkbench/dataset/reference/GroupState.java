package org.featureworkbench.dataset.reference;

import java.time.Instant;

/** The state of one record of one group, found by looking at every stored row (DESIGN.md §3). */
public final class GroupState {
    private GroupState() {
    }

    /**
     * The record's last row with event time ≤ {@code at}, among the rows written by {@code asOf}.
     *
     * @param at             the base row's event time; null = the latest state
     * @param asOf           only rows with write_time ≤ this exist; null = every row
     * @param includeDeleted delete markers do not exist (the state is the last row that is not one)
     * @return that row (possibly a delete marker), or null when the record has no row then
     */
    public static HistoryRow at(GroupHistory group, Object recordId, Instant at, Instant asOf, boolean includeDeleted) {
        HistoryRow state = null;
        for (HistoryRow row : group.rows()) {
            if (asOf != null && row.writeTime().isAfter(asOf)) {
                continue;
            }
            if (!sameId(row.id(), recordId) || (includeDeleted && row.deleted())) {
                continue;
            }
            if (at != null && row.eventTime().isAfter(at)) {
                continue;
            }
            if (state == null || RowOrder.history(row, state) > 0) {
                state = row;
            }
        }
        return state;
    }

    /** A base cell matches a record id by its text: the file's "7" is the Integral record 7. */
    static boolean sameId(Object stored, Object base) {
        return stored != null && base != null && text(stored).equals(text(base));
    }

    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString().strip();
    }
}
