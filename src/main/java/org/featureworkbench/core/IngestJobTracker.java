package org.featureworkbench.core;

import java.util.function.Consumer;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.offline.JobFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one running job's durable record up to date (ADR 0020): {@link BatchIngest} reports its
 * milestones here and this writes them to {@link IngestJobFiles}. Holds the job's lock until
 * {@link #close}. Used on the job's thread only.
 *
 * <p>Order matters for a resume: a checkpoint is recorded only after its files are published
 * and synced, so the record never claims rows that are not offline; files of a later
 * checkpoint are treated as unfinished and removed before the resume writes their rows again.
 */
final class IngestJobTracker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobTracker.class);
    /** Progress (rows read) is written at most this often; milestones always. */
    private static final long PROGRESS_EVERY_MS = 1000;

    /** Named points of a job, for a test that halts the process at one of them. */
    enum Milestone {
        /** The group is known and the record says so; nothing written yet. */
        STARTED,
        /** A checkpoint's files are published; the record does not count them yet. */
        FILES_PUBLISHED,
        /** A checkpoint is recorded. */
        CHECKPOINT_RECORDED,
        /** Every row is offline and the record says so; online not written yet. */
        OFFLINE_DONE,
        /** One online transaction was committed. */
        ONLINE_BATCH
    }

    private final IngestJobFiles files;
    private final IngestJobFiles.Claim claim;
    private final Consumer<Milestone> hook;
    private IngestJobRecord record;
    private long lastWriteMs;

    IngestJobTracker(IngestJobFiles files, IngestJobFiles.Claim claim, IngestJobRecord record,
                     Consumer<Milestone> hook) {
        this.files = files;
        this.claim = claim;
        this.hook = hook;
        this.record = record;
        files.write(record);
    }

    IngestJobRecord record() {
        return record;
    }

    /** The names of the next publish's files. */
    JobFiles nextFiles() {
        return new JobFiles(record.token(), record.checkpoints() + 1);
    }

    /** Accepted rows (file order) that earlier runs of this job already published offline. */
    long publishedBefore() {
        return record.rowsPublished();
    }

    void groupKnown(FeatureGroup group) {
        record = record.withGroupFolder(group.offlineFolderName(), now());
        write();
        hook.accept(Milestone.STARTED);
    }

    /** Called often while reading: writes the counters at most once a second. */
    void progress(long rowsRead, long writtenOnline) {
        long now = now();
        if (now - lastWriteMs >= PROGRESS_EVERY_MS) {
            record = record.withProgress(rowsRead, writtenOnline, now);
            write();
        }
    }

    /** A publish's files are renamed and synced: {@code publishedRows} accepted rows are offline in all. */
    void published(long publishedRows) {
        hook.accept(Milestone.FILES_PUBLISHED);
        record = record.withCheckpoint(publishedRows, record.checkpoints() + 1, now());
        write();
        hook.accept(Milestone.CHECKPOINT_RECORDED);
    }

    void offlineDone(long rowsRead) {
        record = record.withProgress(rowsRead, record.writtenOnline(), now()).withOfflineDone(now());
        write();
        hook.accept(Milestone.OFFLINE_DONE);
    }

    void onlineBatch(long writtenOnline) {
        hook.accept(Milestone.ONLINE_BATCH);
        progress(record.rowsRead(), writtenOnline);
    }

    void ended(IngestJobRecord.Status status, long rowsRead, long writtenOnline, String message) {
        record = record.withProgress(rowsRead, writtenOnline, now()).ended(status, message, now());
        write();
    }

    @Override
    public void close() {
        claim.close();
    }

    private void write() {
        try {
            files.write(record);
            lastWriteMs = record.updatedMs();
        } catch (RuntimeException e) {
            // A record that cannot be written costs only the resume information, not the ingest.
            LOG.warn("Could not update the record of ingest job {}: {}", record.id(), e.getMessage());
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
