package org.featureworkbench.dataset;

import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.featureworkbench.dataset.reference.GroupHistory;
import org.featureworkbench.dataset.reference.HistoryRow;

/** Counts what a written history holds, so the randomized test can show it covers what it claims. */
final class HistoryCoverage {
    private HistoryCoverage() {
    }

    static Map<String, Integer> of(Collection<GroupHistory> groups) {
        Map<String, Integer> counts = new TreeMap<>();
        for (GroupHistory g : groups) {
            for (HistoryRow a : g.rows()) {
                count(counts, "rows", true);
                count(counts, "delete-markers", a.deleted());
                for (HistoryRow b : g.rows()) {
                    if (a == b || !a.id().equals(b.id())) {
                        continue;
                    }
                    boolean bWrittenLater = b.putOrder() != null && a.putOrder() != null
                            ? b.putOrder() > a.putOrder() : b.apiInvocationTime().isAfter(a.apiInvocationTime());
                    count(counts, "out-of-order-writes", !a.deleted() && !b.deleted() && bWrittenLater
                            && b.eventTime().isBefore(a.eventTime()));
                    count(counts, "equal-event-times", a.eventTime().equals(b.eventTime()) && bWrittenLater);
                    count(counts, "re-inserts-after-delete", a.deleted() && !b.deleted()
                            && b.apiInvocationTime().isAfter(a.apiInvocationTime()) && b.eventTime().isAfter(a.eventTime()));
                    count(counts, "millisecond-ties-of-equal-event-times", a.eventTime().equals(b.eventTime())
                            && bWrittenLater && a.writeTime().equals(b.writeTime())
                            && a.apiInvocationTime().truncatedTo(ChronoUnit.MILLIS)
                                    .equals(b.apiInvocationTime().truncatedTo(ChronoUnit.MILLIS)));
                    count(counts, "backfills-in-a-later-phase", b.writeTime().isAfter(a.writeTime())
                            && b.eventTime().isBefore(a.eventTime()));
                }
            }
        }
        return counts;
    }

    private static void count(Map<String, Integer> counts, String what, boolean yes) {
        if (yes) {
            counts.merge(what, 1, Integer::sum);
        }
    }
}
