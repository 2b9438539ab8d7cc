package org.featureworkbench.core;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.featureworkbench.database.WaitNotices;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.GroupChangingException;
import org.featureworkbench.model.OnlineTableUnreadableException;
import org.featureworkbench.model.ResourceNotFoundException;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.registry.CatalogEntry;
import org.featureworkbench.registry.StaleDefinitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an ingest's online batches at the catalog version of the definition they were built
 * from, and follows a change of that definition made meanwhile by another command or process
 * (ADR 0021, addendum 6):
 * <ul>
 *   <li>A batch refused as stale (the version moved: features added, the TTL, metadata or tags
 *       changed) is written again with the group as the catalog has it now. Features added since
 *       are then null in its records, as in any record without them, and the current TTL applies.
 *       A group deleted, or deleted and created again, ends the ingest (its table is gone: a missing
 *       table is checked against the catalog).</li>
 *   <li>While features are being added, the online table lacks their columns until H2 has copied
 *       it. The batch waits for the copy (at most {@link #CHANGE_WAIT}) instead of failing.</li>
 * </ul>
 * The version check is what keeps a batch out of that copy: H2's ADD COLUMN does not keep writers
 * out, and rows written into the old table while it is copied are lost. Not thread-safe; one per job.
 */
final class IngestOnlineWriter {
    private static final Logger LOG = LoggerFactory.getLogger(IngestOnlineWriter.class);

    /** How long a batch waits for features being added to reach the online table. */
    static final Duration CHANGE_WAIT = GroupChangeWait.LIMIT;
    private static final long FIRST_PAUSE_MS = GroupChangeWait.FIRST_PAUSE_MS;
    private static final long LONGEST_PAUSE_MS = GroupChangeWait.LONGEST_PAUSE_MS;
    /** A missing table is retried this often: H2 swaps the altered copy in under the old name in an instant. */
    private static final int TABLE_SWAP_TRIES = 5;
    /** Definitions followed for one batch before giving up (the group keeps changing under it). */
    private static final int MAX_CHANGES_PER_BATCH = 20;

    /** Writes one batch at the version of {@code entry}. */
    interface Store {
        long put(CatalogEntry entry, List<TypedRecord> batch);
    }

    /** The group's current catalog entry; throws {@code ResourceNotFoundException} when it is gone. */
    interface Catalog {
        CatalogEntry current(String groupName);
    }

    /** Waits between tries (tests pass one that does not sleep). */
    interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private final String jobId;
    private final Store store;
    private final Catalog catalog;
    private final Pause pause;
    private final Runnable checkCancelled;
    private final LongSupplier clockMillis;
    private CatalogEntry entry;

    /**
     * @param entry          the group and version the ingest read its definition at
     * @param checkCancelled throws when the job is cancelled (checked while waiting)
     * @param clockMillis    a monotonic clock in milliseconds, for the {@link #CHANGE_WAIT} limit
     */
    IngestOnlineWriter(String jobId, CatalogEntry entry, Store store, Catalog catalog, Pause pause,
                       Runnable checkCancelled, LongSupplier clockMillis) {
        this.jobId = jobId;
        this.entry = entry;
        this.store = store;
        this.catalog = catalog;
        this.pause = pause;
        this.checkCancelled = checkCancelled;
        this.clockMillis = clockMillis;
    }

    /** The catalog entry batches are written at now. */
    CatalogEntry entry() {
        return entry;
    }

    /** Writes the batch; returns how many records changed their online row. */
    long write(List<TypedRecord> batch) {
        long waitingSinceMs = -1;
        long nextPauseMs = FIRST_PAUSE_MS;
        int missingTable = 0;
        int changes = 0;
        boolean told = false;
        while (true) {
            try {
                return store.put(entry, batch);
            } catch (StaleDefinitionException e) {
                if (++changes > MAX_CHANGES_PER_BATCH) {
                    throw e;
                }
                follow(catalog.current(entry.group().name()));
                continue;
            } catch (GroupChangingException e) {
                if (waitingSinceMs < 0) {
                    waitingSinceMs = clockMillis.getAsLong();
                } else if (clockMillis.getAsLong() - waitingSinceMs >= CHANGE_WAIT.toMillis()) {
                    throw new GroupChangedException("ingest " + jobId + " stopped: features were added to feature group '"
                            + entry.group().name() + "', and after " + CHANGE_WAIT.toMinutes() + " minutes its online"
                            + " table still lacks their columns (an add-features that failed half-way leaves this: run"
                            + " 'feature-workbench check', then 'feature-workbench repair'). The rows it stored are kept;"
                            + " 'ingest --resume " + jobId + "' continues it", e);
                }
                if (!told) {
                    told = true;
                    String notice = "ingest " + jobId + " waits: features are being added to feature group '"
                            + entry.group().name() + "', and its online writes go on once the table has them";
                    LOG.info(notice);
                    WaitNotices.publish(notice);
                }
            } catch (OnlineTableUnreadableException e) {
                if (!e.tableMissing()) {
                    throw e;
                }
                // A group deleted (or deleted and created again) meanwhile has no table either: ask the catalog.
                CatalogEntry now = currentOrStop(e);
                if (now.version() != entry.version()) {
                    if (++changes > MAX_CHANGES_PER_BATCH) {
                        throw e;
                    }
                    follow(now);
                    continue;
                }
                if (++missingTable > TABLE_SWAP_TRIES) {
                    throw e;
                }
            }
            checkCancelled.run();
            try {
                pause.sleep(nextPauseMs);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new GroupChangedException("ingest " + jobId + " was interrupted while it waited for feature group '"
                        + entry.group().name() + "' to be changed; 'ingest --resume " + jobId + "' continues it");
            }
            nextPauseMs = Math.min(nextPauseMs * 2, LONGEST_PAUSE_MS);
        }
    }

    /**
     * The ingest stopped because its group changed under it, not because of its file: the message
     * says what to do, and is passed on as it is.
     */
    static final class GroupChangedException extends FeatureStoreException {
        GroupChangedException(String message) {
            super(message);
        }

        GroupChangedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private CatalogEntry currentOrStop(RuntimeException failure) {
        try {
            return catalog.current(entry.group().name());
        } catch (ResourceNotFoundException gone) {
            throw new GroupChangedException("feature group '" + entry.group().name() + "' was deleted while ingest "
                    + jobId + " ran, so it stopped; nothing more was written", failure);
        }
    }

    private void follow(CatalogEntry now) {
        String was = entry.group().offlineFolderName();
        if (!now.group().offlineFolderName().equals(was)) {
            throw new GroupChangedException("feature group '" + entry.group().name() + "' was deleted and created"
                    + " again while ingest " + jobId + " ran, so it stopped: what it stored went to the old group."
                    + " Ingest the file again into the new group");
        }
        if (now.group().features().size() != entry.group().features().size()) {
            LOG.info("Ingest {}: feature group '{}' now has {} features (was {}); the rest of its online records"
                    + " have no value for the new ones", jobId, now.group().name(), now.group().features().size(),
                    entry.group().features().size());
        }
        entry = now;
    }
}
