package org.featureworkbench.writepath;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.featureworkbench.model.FeatureGroup;

/**
 * One acknowledged write as the record journal keeps it until its offline row is published and
 * its online change is durable in H2 (ADR 0010).
 *
 * @param seq          position in its journal; increasing, never reused
 * @param kind         what the write was
 * @param groupName    the feature group
 * @param groupCreated the group's creation time in epoch seconds: a group deleted and re-created
 *                     under its name is another group, whose entries these are not
 * @param invokedMs    the API invocation time (for {@link Kind#PURGE}: the purge's "now")
 * @param online       whether the write targeted the online store
 * @param offline      whether the write targeted the offline store
 * @param eventTimeMs  the record's (or the delete's) event time; for a purge, the record's expiry
 * @param expiresAtMs  a put's ExpiresAt, or {@link #NEVER}
 * @param recordId     the record id as a string (deletes and purges; null for a put, whose id is in
 *                     {@code values})
 * @param values       a put's typed values (Long, Double, String) by feature name; empty otherwise
 * @param voidedSeq    for {@link Kind#VOID}: the entry that did not commit and must be ignored
 */
record JournalEntry(long seq, Kind kind, String groupName, long groupCreated, long invokedMs, boolean online,
                    boolean offline, long eventTimeMs, long expiresAtMs, String recordId,
                    Map<String, Object> values, long voidedSeq) {

    /** {@link #expiresAtMs} of a record that never expires. */
    static final long NEVER = Long.MIN_VALUE;

    /** The kinds of journaled writes; the byte is the on-disk tag and must never change. */
    enum Kind {
        PUT(1), SOFT_DELETE(2), HARD_DELETE(3), PURGE(4), VOID(5);

        final byte tag;

        Kind(int tag) {
            this.tag = (byte) tag;
        }

        static Kind of(byte tag) {
            for (Kind k : values()) {
                if (k.tag == tag) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown journal entry kind " + tag);
        }
    }

    /**
     * The group this entry was written to, if it still exists: same name and creation time (a
     * group deleted and re-created under its name is another group).
     */
    Optional<FeatureGroup> group(Function<String, Optional<FeatureGroup>> groups) {
        return groups.apply(groupName).filter(g -> g.creationTime().getEpochSecond() == groupCreated);
    }

    Instant eventTime() {
        return Instant.ofEpochMilli(eventTimeMs);
    }

    Instant invokedAt() {
        return Instant.ofEpochMilli(invokedMs);
    }

    Instant expiresAt() {
        return expiresAtMs == NEVER ? null : Instant.ofEpochMilli(expiresAtMs);
    }

    static JournalEntry put(long seq, String group, long created, long invokedMs, boolean online, boolean offline,
                            long eventTimeMs, long expiresAtMs, Map<String, Object> values) {
        return new JournalEntry(seq, Kind.PUT, group, created, invokedMs, online, offline, eventTimeMs, expiresAtMs,
                null, values, 0);
    }

    static JournalEntry delete(long seq, Kind kind, String group, long created, long invokedMs, boolean online,
                               boolean offline, long eventTimeMs, String recordId) {
        return new JournalEntry(seq, kind, group, created, invokedMs, online, offline, eventTimeMs, NEVER, recordId,
                Map.of(), 0);
    }

    static JournalEntry voiding(long seq, long voidedSeq) {
        return new JournalEntry(seq, Kind.VOID, "", 0, 0, false, false, 0, NEVER, null, Map.of(), voidedSeq);
    }
}
