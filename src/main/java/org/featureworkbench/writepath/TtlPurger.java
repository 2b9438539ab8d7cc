package org.featureworkbench.writepath;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.online.ExpiredRecord;
import org.featureworkbench.online.OnlineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired online records in the background and, as SageMaker does, leaves a delete
 * marker in the offline store for each, with the expiry as its event time (ADR 0007). Reads
 * hide expired records at once whether or not this has run. Each removal is a journaled write
 * ({@link RecordWriter#purge}), so it is as durable as a DeleteRecord.
 */
final class TtlPurger {
    private static final Logger LOG = LoggerFactory.getLogger(TtlPurger.class);
    private static final int BATCH = 1_000;

    private final RecordWriter writer;
    private final OnlineStore onlineStore;
    private final Supplier<List<FeatureGroup>> groups;
    private final Clock clock;

    TtlPurger(RecordWriter writer, OnlineStore onlineStore, Supplier<List<FeatureGroup>> groups, Clock clock) {
        this.writer = writer;
        this.onlineStore = onlineStore;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * Purges up to {@code budget} expired records, oldest expiry first per group, stopping early
     * as soon as {@code keepGoing} says no (checked before each record: a command waits for at most
     * one record's purge). What is left waits for the next call; reads hide it meanwhile.
     *
     * @return how many records were purged
     */
    int purgeExpired(int budget, BooleanSupplier keepGoing) {
        int purged = 0;
        int tried = 0;
        for (FeatureGroup group : groups.get()) {
            if (!group.definition().onlineStore().enabled()) {
                continue;
            }
            while (tried < budget && keepGoing.getAsBoolean()) {
                Instant now = clock.instant();
                List<ExpiredRecord> expired = onlineStore.expiredIds(group, now, Math.min(BATCH, budget - tried));
                for (ExpiredRecord r : expired) {
                    if (!keepGoing.getAsBoolean()) {
                        break;
                    }
                    tried++;
                    purged += writer.purge(group, r.recordIdentifierValueAsString(), r.expiresAt(), now) ? 1 : 0;
                }
                if (expired.size() < BATCH) {
                    break;
                }
            }
        }
        if (purged > 0) {
            LOG.info("Purged {} expired online records", purged);
        }
        return purged;
    }
}
