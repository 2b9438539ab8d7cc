package org.featureworkbench.writepath;

import java.time.Instant;
import java.util.Map;

/**
 * One offline-bound write waiting in the outbox: a record version (its values as strings, as
 * PutRecord received them) or a delete marker (only the record id in {@code values}).
 *
 * @param seq               position in the outbox, increasing with insertion
 * @param values            feature name → value as string
 * @param eventTime         the record's (or the delete's) event time
 * @param apiInvocationTime when the write was requested
 * @param deleteMarker      whether this is a delete marker
 */
record OutboxEntry(long seq, Map<String, String> values, Instant eventTime, Instant apiInvocationTime,
                   boolean deleteMarker) {
}
