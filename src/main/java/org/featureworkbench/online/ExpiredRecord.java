package org.featureworkbench.online;

import java.time.Instant;

/**
 * An online row whose TTL has passed and that the background purge should remove
 * ({@link OnlineStore#purgeExpired}) and record as a delete marker offline.
 *
 * @param recordIdentifierValueAsString the record id as a string
 * @param eventTime                     the event time of the expired write
 * @param expiresAt                     when it expired
 */
public record ExpiredRecord(String recordIdentifierValueAsString, Instant eventTime, Instant expiresAt) {
}
