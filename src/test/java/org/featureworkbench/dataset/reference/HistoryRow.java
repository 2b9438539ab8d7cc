package org.featureworkbench.dataset.reference;

import java.time.Instant;
import java.util.Map;

/**
 * One stored offline row of a group, as the reference sees it.
 *
 * @param id                the record identifier's value (String or Long)
 * @param eventTime         the event time feature as an instant
 * @param apiInvocationTime when the write was requested
 * @param writeTime         when the row reached the offline store
 * @param deleted           a delete marker
 * @param putOrder          the last tie-breaker after the three times (DESIGN.md §3 stops at
 *                          write_time): a larger value is a later PutRecord. Null when unknown
 *                          (delete markers); a tie that needs it and lacks it is ambiguous
 * @param values            every feature's value by name (nulls for a marker's other features)
 */
public record HistoryRow(Object id, Instant eventTime, Instant apiInvocationTime, Instant writeTime, boolean deleted,
                         Long putOrder, Map<String, Object> values) {
}
