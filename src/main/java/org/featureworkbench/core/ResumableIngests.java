package org.featureworkbench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.offline.OfflineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which recorded ingests can be resumed, and the steps around a resume (ADR 0020): finding the
 * job by id or file, refusing with the reason (marking a job that cannot be resumed FAILED so it
 * stops being reported), removing an unrecorded publish's files once the resuming process holds
 * the job's lock, and giving a job up. Thread-safe (the job lock serialises work on one job).
 */
final class ResumableIngests {
    private static final Logger LOG = LoggerFactory.getLogger(ResumableIngests.class);

    private final IngestJobFiles files;
    private final FeatureStore store;
    private final OfflineStore offline;
    private final Clock clock;

    ResumableIngests(IngestJobFiles files, FeatureStore store, OfflineStore offline, Clock clock) {
        this.files = files;
        this.store = store;
        this.offline = offline;
        this.clock = clock;
    }

    /**
     * The unfinished job with this id, or the latest of this file, if it can be resumed now.
     *
     * @throws FeatureStoreException when none matches, it runs in a process, or it cannot be resumed
     */
    IngestJobRecord find(String idOrFile) {
        IngestJobRecord record = unfinishedJob(idOrFile);
        try {
            checkUnchanged(record);
        } catch (FeatureStoreException e) {
            throw endUnresumable(record, e);
        }
        Optional<FeatureGroup> group = store.findFeatureGroup(record.group());
        if (group.isEmpty() || (record.groupFolder() != null
                && !group.get().offlineFolderName().equals(record.groupFolder()))) {
            String why = record.groupFolder() == null ? "it stopped before its group '" + record.group()
                    + "' existed, so it stored nothing" : "its group '" + record.group() + "' was deleted"
                    + (group.isEmpty() ? "" : " and created again");
            throw endUnresumable(record, new FeatureStoreException("cannot resume ingest " + record.id() + ": " + why
                    + "; run a new ingest of " + record.file() + " instead"));
        }
        return record;
    }

    /**
     * The record of a resumed job, once this process holds its lock: removes the files of a publish
     * the interrupted run did not record (ADR 0020), then marks it running here.
     */
    IngestJobRecord reclaim(String id) {
        IngestJobRecord record = files.read(id).orElseThrow(() -> new FeatureStoreException(
                "the record of ingest " + id + " is gone from " + files.directory() + "; run the ingest again"));
        if (record.status() == IngestJobRecord.Status.SUCCEEDED) {
            throw new FeatureStoreException("ingest " + id + " has finished meanwhile; nothing to resume");
        }
        if (record.groupFolder() != null) {
            FeatureGroup group = store.describeFeatureGroup(record.group());
            int removed = offline.discardJobFiles(group, record.token(), record.checkpoints());
            if (removed > 0) {
                LOG.warn("Resuming ingest {}: removed {} file(s) of its unfinished publish; their rows are written again",
                        id, removed);
            }
        }
        return record.running(ProcessHandle.current().pid(), clock.millis());
    }

    /**
     * Refuses a plain ingest of a file that an interrupted ingest of the same group started (ADR
     * 0020, addendum): it would publish that ingest's rows a second time. "The same file" is the
     * same file on disk (path, or a link to it) with the size and modification time the
     * interrupted ingest recorded: a file changed since cannot be resumed anyway, so ingesting it
     * is a new ingest. Failed and cancelled jobs do not block: the user already chose to end them.
     *
     * @throws InterruptedIngestException naming the interrupted job, its progress and the ways on
     */
    void refuseRerunOfInterrupted(IngestRequest request) {
        Path file = request.file().toAbsolutePath().normalize();
        for (IngestJobRecord r : files.list()) {
            if (r.status() == IngestJobRecord.Status.INTERRUPTED && r.group().equalsIgnoreCase(request.groupName())
                    && sameFile(r, file)) {
                throw new InterruptedIngestException(r);
            }
        }
    }

    private static boolean sameFile(IngestJobRecord record, Path file) {
        try {
            boolean samePath = record.file().equals(file) || (Files.exists(record.file())
                    && Files.isSameFile(record.file(), file));
            return samePath && Files.size(file) == record.fileSize()
                    && Files.getLastModifiedTime(file).toMillis() == record.fileModifiedMs();
        } catch (IOException e) {
            // A file that cannot be read is the ingest's own error to report.
            return false;
        }
    }

    /** Marks an unfinished job CANCELLED ("given up"); see {@link IngestOperations#abandon}. */
    IngestJobRecord abandon(String idOrFile) {
        IngestJobRecord record = unfinishedJob(idOrFile);
        IngestJobFiles.Claim claim = files.claim(record.id()).orElseThrow(() -> new FeatureStoreException(
                "ingest " + record.id() + " has just been resumed by another process; 'jobs' shows it"));
        try (claim) {
            IngestJobRecord ended = record.ended(IngestJobRecord.Status.CANCELLED, "given up with 'jobs --abandon'; "
                    + "the " + record.rowsPublished() + " rows it stored offline stay", clock.millis());
            files.write(ended);
            LOG.info("Ingest job {} abandoned", record.id());
            return ended;
        }
    }

    /**
     * Marks a job that cannot be resumed FAILED with the reason, so it stops being reported as
     * interrupted (once the cause is fixed, e.g. the file put back, it can still be resumed).
     */
    private FeatureStoreException endUnresumable(IngestJobRecord record, FeatureStoreException reason) {
        if (record.status() == IngestJobRecord.Status.INTERRUPTED) {
            files.claim(record.id()).ifPresent(claim -> {
                try (claim) {
                    files.write(record.ended(IngestJobRecord.Status.FAILED, reason.getMessage(), clock.millis()));
                }
            });
        }
        return reason;
    }

    private IngestJobRecord unfinishedJob(String idOrFile) {
        Optional<IngestJobRecord> byId = files.read(idOrFile);
        IngestJobRecord record;
        if (byId.isPresent()) {
            record = byId.get();
        } else {
            String file;
            try {
                file = Path.of(idOrFile).toAbsolutePath().normalize().toString();
            } catch (java.nio.file.InvalidPathException e) {
                file = idOrFile;
            }
            String wanted = file;
            record = files.list().stream().filter(r -> r.request().file().equals(wanted)
                    && !r.status().equals(IngestJobRecord.Status.SUCCEEDED)).findFirst()
                    .orElseThrow(() -> new FeatureStoreException("no unfinished ingest has the id or file '"
                            + idOrFile + "'; 'jobs' lists the ingests of this workspace with their ids"));
        }
        switch (record.status()) {
            case RUNNING -> throw new FeatureStoreException("ingest " + record.id() + " is still running (process "
                    + record.pid() + "); wait for it to end, or stop that process first");
            case SUCCEEDED -> throw new FeatureStoreException("ingest " + record.id() + " finished at "
                    + record.ended() + "; there is nothing to resume");
            default -> {
                return record;
            }
        }
    }

    private static void checkUnchanged(IngestJobRecord record) {
        Path file = record.file();
        try {
            if (Files.size(file) != record.fileSize()
                    || Files.getLastModifiedTime(file).toMillis() != record.fileModifiedMs()) {
                throw new FeatureStoreException("cannot resume ingest " + record.id() + ": " + file
                        + " changed since the ingest started, so its rows no longer match what was stored; run a new "
                        + "ingest of the file instead (the rows stored before stay)");
            }
        } catch (IOException e) {
            throw new FeatureStoreException("cannot resume ingest " + record.id() + ": its file " + file
                    + " cannot be read (" + e.getMessage() + "); put it back where it was and resume again", e);
        }
    }
}
