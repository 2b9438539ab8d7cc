package org.featureworkbench.online;

import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;
import org.featureworkbench.model.WriteOutcome;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TypedRecord;

/**
 * The online store: the latest value of every record of every group with an online store
 * (SageMaker's OnlineStore; shaped like Feast's {@code OnlineStore}). The semantics — newer event
 * time wins, equal overwrites, soft and hard delete, TTL — are DESIGN.md §3 and ADR 0005.
 *
 * <p><b>Transactions.</b> Methods taking a {@link Connection} run inside the caller's
 * transaction on that connection (so the write path can record its journal mark in the same commit) and
 * neither commit nor roll back; the caller must use a connection to the store's database. The
 * overloads without one open their own and commit. Writes lock the record's row, so two writers
 * of one record serialize and the newer event time wins whatever the commit order.
 *
 * <p><b>Reads.</b> A record that is soft-deleted or whose {@code expiresAt} is not after the
 * store's clock is invisible at once, whether or not the background purge has removed it yet.
 * Writes treat such an expired row as absent.
 *
 * <p><b>Ids and nulls.</b> Record ids are passed as RecordIdentifierValueAsString and parsed by
 * the id feature's type. Group and id arguments are never null; {@code expiresAt} may be null
 * (never expires); a null or empty projection means every feature.
 *
 * <p><b>Threading.</b> Implementations are thread-safe and synchronous. Errors are
 * {@link org.featureworkbench.model.ValidationException} for bad input and
 * {@link org.featureworkbench.model.FeatureStoreException} for storage failures.
 */
public interface OnlineStore extends AutoCloseable {

    /** Creates the group's table; does nothing when it exists (so a retried create is harmless). */
    void createTable(FeatureGroup group);

    /**
     * Adds a column per added feature (UpdateFeatureGroup FeatureAdditions); existing records
     * read null for them. Columns that already exist are left alone.
     *
     * @param group     the group as it was before or after the additions (only its name and
     *                  creation time are used to find the table)
     * @param additions the new features
     */
    void addColumns(FeatureGroup group, List<FeatureDefinition> additions);

    /** Drops the group's table and everything in it; does nothing when there is none. */
    void dropTable(FeatureGroup group);

    /**
     * PutRecord's online half: writes {@code record} unless the stored row is later in the offline
     * store's order — a newer event time, or the same event time with a later api_invocation_time
     * (ADR 0017); of two equal pairs the later write wins. A write is a full overwrite: features
     * the record lacks become null.
     *
     * @param expiresAt  the record's ExpiresAt, or null for never ({@link TypedRecord#expiresAt})
     * @param invokedAt  when PutRecord was called (the offline row's api_invocation_time)
     */
    WriteOutcome put(Connection c, FeatureGroup group, TypedRecord record, Instant expiresAt, Instant invokedAt);

    /** {@link #put(Connection, FeatureGroup, TypedRecord, Instant, Instant)} in its own transaction, invoked now. */
    WriteOutcome put(FeatureGroup group, TypedRecord record, Instant expiresAt);

    /**
     * The online half of a batch ingest: {@link #put(Connection, FeatureGroup, TypedRecord, Instant, Instant)}
     * for every record, in list order, in the caller's transaction. Each record is written unless
     * the stored row — as the records before it in the list left it — is later by (event time,
     * api_invocation_time); equal pairs overwrite (so of two equal versions the later in the list
     * wins, ADR 0005, 0017)
     * and an expired row counts as absent. A write is a full overwrite. ExpiresAt is the event
     * time plus the group's online TTL (never, without one); ingests carry no per-record TTL.
     *
     * <p>Meant for thousands of records per call: implementations batch the statements. A record
     * id inserted concurrently by another writer is compared like any stored row, never an error.
     *
     * @param invokedAt when the ingest was requested (the rows' api_invocation_time)
     * @return how many records changed the online row (written or overwritten, not ignored)
     */
    long putAll(Connection c, FeatureGroup group, List<TypedRecord> records, Instant invokedAt);

    /** {@link #putAll(Connection, FeatureGroup, List, Instant)} in a transaction of its own. */
    long putAll(FeatureGroup group, List<TypedRecord> records, Instant invokedAt);

    /**
     * {@link #putAll(FeatureGroup, List, Instant)}, committed only if the group's catalog version
     * is still {@code catalogVersion}, checked last in the transaction as a put checks it (ADR 0021
     * addendum 4): a batch built from a definition that has changed since, e.g. features added by
     * another process, is never written into a table that is being copied for the new ones.
     *
     * @throws org.featureworkbench.registry.StaleDefinitionException when the version is not
     *         {@code catalogVersion} (or the group is gone); nothing was written
     */
    long putAllAtVersion(FeatureGroup group, long catalogVersion, List<TypedRecord> records, Instant invokedAt);

    /**
     * DeleteRecord SoftDelete: the record stops being readable; its row is kept with every
     * feature null and the delete's event time, so an older put stays ignored and a put not older
     * than the delete revives it. With an older event time than the stored row nothing changes
     * ({@link WriteOutcome#OLDER_IGNORED}; SageMaker still writes the offline delete marker).
     */
    WriteOutcome softDelete(Connection c, FeatureGroup group, String recordIdentifier, Instant eventTime,
                            Instant invokedAt);

    /** {@link #softDelete(Connection, FeatureGroup, String, Instant, Instant)} invoked now. */
    default WriteOutcome softDelete(Connection c, FeatureGroup group, String recordIdentifier, Instant eventTime) {
        return softDelete(c, group, recordIdentifier, eventTime, Instant.now());
    }

    /** {@link #softDelete(Connection, FeatureGroup, String, Instant)} in its own transaction. */
    WriteOutcome softDelete(FeatureGroup group, String recordIdentifier, Instant eventTime);

    /**
     * DeleteRecord HardDelete: removes the row.
     *
     * @return whether a readable record was removed (false when there was none or it had expired)
     * @throws org.featureworkbench.model.ValidationException (field {@code EventTime}) when the
     *         stored row, soft-deleted or not, has an event time not older than {@code eventTime};
     *         nothing changes then
     */
    boolean hardDelete(Connection c, FeatureGroup group, String recordIdentifier, Instant eventTime);

    /** {@link #hardDelete(Connection, FeatureGroup, String, Instant)} in its own transaction. */
    boolean hardDelete(FeatureGroup group, String recordIdentifier, Instant eventTime);

    /**
     * A hard delete applied again from a record journal (ADR 0010): as
     * {@link #hardDelete(Connection, FeatureGroup, String, Instant)}, but it leaves a row written
     * by a call invoked after {@code invokedAt} — a later write the original delete never saw —
     * and returns false instead of throwing when the row is not older.
     *
     * @return whether it removed the row
     */
    boolean replayHardDelete(Connection c, FeatureGroup group, String recordIdentifier, Instant eventTime,
                             Instant invokedAt);

    /**
     * GetRecord.
     *
     * @param projection feature names to return (SageMaker's FeatureNames), null/empty for all
     * @return the record, or empty when it is missing, soft-deleted or expired
     * @throws org.featureworkbench.model.ValidationException for an id not valid for the group's
     *         id type or a projected feature the group lacks
     * @throws org.featureworkbench.model.OnlineTableUnreadableException when the group's table is
     *         missing or a page of it cannot be read (never "empty": the record may exist)
     */
    Optional<OnlineRecord> get(FeatureGroup group, String recordIdentifier, List<String> projection);

    /**
     * {@link #get(FeatureGroup, String, List)} with a group taken from a cache: the catalog's
     * version of the group is checked in the same statement as the lookup.
     *
     * @param catalogVersion the version the cached {@code group} was read at
     * @throws org.featureworkbench.registry.StaleDefinitionException when a record was found but
     *         the group's definition is no longer that version (nothing is returned then)
     */
    Optional<OnlineRecord> get(FeatureGroup group, long catalogVersion, String recordIdentifier, List<String> projection);

    /**
     * {@link #get(FeatureGroup, long, String, List)} that never waits for a lock another session
     * holds (its session's H2 lock timeout is 0), for a caller that must not block.
     *
     * @throws org.featureworkbench.model.ReadWouldWaitException when the read would have waited
     *         (e.g. another process is altering or dropping the group's table); ask again with
     *         {@link #get(FeatureGroup, long, String, List)}, which waits as usual
     */
    Optional<OnlineRecord> getWithoutWaiting(FeatureGroup group, long catalogVersion, String recordIdentifier,
                                             List<String> projection);

    /**
     * BatchGetRecord: at most 100 ids in all, across at most 100 groups.
     *
     * @param groups resolves a group name to the group, empty when no such group exists
     * @throws org.featureworkbench.model.ValidationException when the request is empty or over the limits
     * @throws org.featureworkbench.model.OnlineTableUnreadableException when a requested group's
     *         table is missing or unreadable (the whole call fails rather than hide its records)
     */
    BatchGetResult batchGet(List<BatchGetIdentifier> identifiers, Function<String, Optional<FeatureGroup>> groups);

    /**
     * ListRecords: up to {@code limit} record ids of the group in record-id order (numeric for an
     * Integral id, by character otherwise), starting after {@code afterId}. Expired records are
     * left out; soft-deleted ones too unless {@code includeSoftDeleted}. Hard-deleted records are
     * gone and never listed.
     *
     * @param afterId the last id of the previous page, or null to start at the first
     * @throws org.featureworkbench.model.ValidationException when {@code afterId} is not valid
     *         for the group's id type
     */
    List<String> listIds(FeatureGroup group, String afterId, int limit, boolean includeSoftDeleted);

    /** The number of readable records (neither soft-deleted nor expired). */
    long count(FeatureGroup group);

    /** Up to {@code limit} rows whose expiry is not after {@code now}, earliest expiry first. */
    List<ExpiredRecord> expiredIds(FeatureGroup group, Instant now, int limit);

    /**
     * Removes the row if it is still expired at {@code now} (a put since may have renewed it).
     *
     * @return whether a row was removed, i.e. whether to write the TTL delete marker offline
     */
    boolean purgeExpired(Connection c, FeatureGroup group, String recordIdentifier, Instant now);

    /**
     * {@link #purgeExpired}, except that a row another transaction holds locked is left at once
     * instead of waited for: the background purge holds the writer that puts and deletes wait
     * for, so it must never wait itself (issue 12, "expiry never stalls a command"). A row left
     * stays hidden from reads and is tried again by a later purge.
     *
     * @return whether a row was removed
     */
    boolean purgeExpiredUnlessLocked(Connection c, FeatureGroup group, String recordIdentifier, Instant now);

    /** Releases cached connections and statements; the data source stays the caller's. */
    @Override
    void close();
}
