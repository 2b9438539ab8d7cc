package org.featureworkbench.writepath;

import org.featureworkbench.model.PutResult;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.online.OnlineStore;
import org.featureworkbench.registry.CatalogVersions;
import org.featureworkbench.model.WriteOutcome;

/**
 * PutRecord and DeleteRecord: the online change and the offline-bound outbox row commit in one
 * H2 transaction, so a call that returns has made both durable (ADR 0007). Concurrent callers
 * share transactions and commits ({@link GroupCommit}). Thread-safe.
 */
final class RecordWriter {
    private final GroupCommit groupCommit;
    private final OnlineStore onlineStore;
    private final Clock clock;

    RecordWriter(WriteConnections connections, OnlineStore onlineStore, Clock clock) {
        this.groupCommit = new GroupCommit(connections);
        this.onlineStore = onlineStore;
        this.clock = clock;
    }

    /**
     * @param catalogVersion the catalog version {@code group} was read at, checked inside the
     *                       transaction ({@link CatalogVersions}); {@link WritePath#ANY_VERSION} skips the check
     */
    PutResult put(FeatureGroup group, long catalogVersion, Record record, Set<TargetStore> targets,
                  TtlDuration recordTtl) {
        checkTargets(group, targets);
        TypedRecord typed = RecordValidator.validate(group, record);
        Instant invokedAt = clock.instant();
        boolean online = targets.contains(TargetStore.ONLINE_STORE);
        boolean offline = targets.contains(TargetStore.OFFLINE_STORE);
        Instant expiresAt = typed.expiresAt(group.definition(), recordTtl);
        return OfflineFlusher.sql(() -> groupCommit.run(c -> {
            WriteOutcome outcome = online ? onlineStore.put(c, group, typed, expiresAt, invokedAt) : null;
            if (offline) {
                // Older versions are history: they go offline even when the online row is newer.
                OutboxTable.insert(c, group, record.values(), typed.eventTime(), invokedAt, false);
            }
            checkVersion(c, group, catalogVersion);
            return new PutResult(outcome, offline);
        }));
    }

    /**
     * @return whether the online store had a readable record that this delete removed or hid
     */
    boolean delete(FeatureGroup group, long catalogVersion, String recordId, Instant eventTime, DeletionMode mode,
                   Set<TargetStore> targets) {
        checkTargets(group, targets);
        Object id = RecordValidator.parseRecordIdentifier(group.definition(), recordId);
        Instant invokedAt = clock.instant();
        boolean online = targets.contains(TargetStore.ONLINE_STORE);
        boolean offline = targets.contains(TargetStore.OFFLINE_STORE);
        return OfflineFlusher.sql(() -> groupCommit.run(c -> {
            boolean changed = false;
            if (online) {
                changed = mode == DeletionMode.HARD_DELETE
                        ? onlineStore.hardDelete(c, group, recordId, eventTime)
                        : onlineStore.softDelete(c, group, recordId, eventTime).onlineChanged();
            }
            if (offline) {
                queueDeleteMarker(c, group, id, eventTime, invokedAt);
            }
            checkVersion(c, group, catalogVersion);
            return changed;
        }));
    }

    static void queueDeleteMarker(java.sql.Connection c, FeatureGroup group, Object id, Instant eventTime,
                                  Instant invokedAt) throws SQLException {
        OutboxTable.insert(c, group, Map.of(group.definition().recordIdentifierFeatureName(), id.toString()),
                eventTime, invokedAt, true);
    }

    /**
     * Last in the transaction, before its commit: a definition from a cache must still be the
     * catalog's, so a put never commits into the table of a deleted group nor overwrites a row
     * without a feature another process added (the transaction is rolled back and the facade
     * retries with the new definition). Checked after the online write, not before, because that
     * write holds the table's shared lock: a catalog change not seen here is followed by DDL
     * (ADD COLUMN, DROP TABLE) that must wait for this commit, so it is ordered after this write.
     */
    private static void checkVersion(java.sql.Connection c, FeatureGroup group, long catalogVersion)
            throws SQLException {
        if (catalogVersion != WritePath.ANY_VERSION) {
            CatalogVersions.require(c, group.name(), catalogVersion);
        }
    }

    private static void checkTargets(FeatureGroup group, Set<TargetStore> targets) {
        if (targets.isEmpty()) {
            throw new ValidationException("TargetStores", "no target store given; use online, offline or both");
        }
        if (targets.contains(TargetStore.ONLINE_STORE) && !group.definition().onlineStore().enabled()) {
            throw new ValidationException("TargetStores", "feature group '" + group.name()
                    + "' has no online store; target offline only");
        }
        if (targets.contains(TargetStore.OFFLINE_STORE) && !group.definition().offlineStore().enabled()) {
            throw new ValidationException("TargetStores", "feature group '" + group.name()
                    + "' has no offline store; target online only");
        }
    }
}
