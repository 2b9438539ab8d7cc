package org.featureworkbench.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The durable record of one ingest job in the workspace ({@code <workspace>/jobs/<id>.json}),
 * readable by every process (ADR 0020): written when the job starts, updated at each milestone
 * (a published checkpoint, the end of the offline part, a few times a second while rows are read),
 * and marked ended at the end. A record still marked running whose process is gone is
 * {@link Status#INTERRUPTED}: {@link IngestOperations#resume} continues it. Immutable.
 *
 * @param id             the job id ({@code yyyyMMdd'T'HHmmss'Z'-XXXXXX})
 * @param token          the 8 characters every offline file the job publishes carries in its name
 * @param status         where the job is; {@link Status#INTERRUPTED} is derived when the record is read
 * @param pid            the process that last ran the job
 * @param request        what to ingest, as a resume needs it again
 * @param fileSize       the source file's size when the job started (a resume refuses a changed file)
 * @param fileModifiedMs the source file's modification time then, epoch ms
 * @param groupFolder    the group's offline folder name once the group is known, else null (a group
 *                       deleted and re-created under the same name has another folder)
 * @param invokedAtMs    the job's api_invocation_time, epoch ms; a resume stamps the same
 * @param startedMs      when the job first started, epoch ms
 * @param updatedMs      when the record was last written, epoch ms
 * @param endedMs        when the job ended, epoch ms, or 0 while it has not
 * @param rowsRead       source rows read so far (of the current run)
 * @param rowsPublished  accepted rows published offline, counted in file order: a resume skips
 *                       this many accepted rows offline
 * @param checkpoints    publishes done; the files of later checkpoints belong to an unfinished publish
 * @param offlineDone    whether every row is offline and only the online part was left
 * @param writtenOnline  records written online so far (of the current run)
 * @param message        why the job failed, else null
 */
public record IngestJobRecord(String id, String token, Status status, long pid, StoredRequest request,
                              long fileSize, long fileModifiedMs, String groupFolder, long invokedAtMs,
                              long startedMs, long updatedMs, long endedMs, long rowsRead, long rowsPublished,
                              int checkpoints, boolean offlineDone, long writtenOnline, String message) {

    /** Where a recorded job is. */
    public enum Status {
        /** Its process is alive and runs it. */
        RUNNING,
        /** Its process ended (killed, crashed, powered off) before the job did: resume it. */
        INTERRUPTED,
        SUCCEEDED,
        FAILED,
        CANCELLED;

        /** Whether the job has ended for good (it cannot be resumed). */
        public boolean ended() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /**
     * The request as stored: plain values only. {@code --create} is not stored: the group exists
     * once anything was written, and a resume writes into it.
     */
    public record StoredRequest(String group, String file, String format, String delimiter, String encoding,
                                List<String> targets, Map<String, String> renames, boolean stampEventTime,
                                String onError, String rejectsFile) {
    }

    public Path file() {
        return Path.of(request.file());
    }

    public String group() {
        return request.group();
    }

    public Instant started() {
        return Instant.ofEpochMilli(startedMs);
    }

    /** When the job ended, or null; for an interrupted job, when its record was last written. */
    public Instant ended() {
        if (endedMs > 0) {
            return Instant.ofEpochMilli(endedMs);
        }
        return status == Status.INTERRUPTED ? Instant.ofEpochMilli(updatedMs) : null;
    }

    /** What an unfinished job left stored, in words: what a resume still has to do. */
    public String whatIsStored() {
        if (offlineDone) {
            return "all its rows are in the offline store, but the online store lacks part of their newest values";
        }
        return rowsPublished == 0 ? "none of its rows are in the offline store yet"
                : String.format(java.util.Locale.ROOT, "%,d", rowsPublished) + " of its rows "
                        + (rowsPublished == 1 ? "is" : "are") + " in the offline store, the rest of the file is not stored yet";
    }

    IngestJobRecord withStatus(Status s) {
        return new IngestJobRecord(id, token, s, pid, request, fileSize, fileModifiedMs, groupFolder, invokedAtMs,
                startedMs, updatedMs, endedMs, rowsRead, rowsPublished, checkpoints, offlineDone, writtenOnline,
                message);
    }

    IngestJobRecord running(long processId, long nowMs) {
        return new IngestJobRecord(id, token, Status.RUNNING, processId, request, fileSize, fileModifiedMs, groupFolder,
                invokedAtMs, startedMs, nowMs, 0, rowsRead, rowsPublished, checkpoints, offlineDone, writtenOnline,
                null);
    }

    IngestJobRecord withGroupFolder(String folder, long nowMs) {
        return new IngestJobRecord(id, token, status, pid, request, fileSize, fileModifiedMs, folder, invokedAtMs,
                startedMs, nowMs, endedMs, rowsRead, rowsPublished, checkpoints, offlineDone, writtenOnline, message);
    }

    IngestJobRecord withProgress(long read, long online, long nowMs) {
        return new IngestJobRecord(id, token, status, pid, request, fileSize, fileModifiedMs, groupFolder, invokedAtMs,
                startedMs, nowMs, endedMs, read, rowsPublished, checkpoints, offlineDone, online, message);
    }

    IngestJobRecord withCheckpoint(long published, int checkpoint, long nowMs) {
        return new IngestJobRecord(id, token, status, pid, request, fileSize, fileModifiedMs, groupFolder, invokedAtMs,
                startedMs, nowMs, endedMs, rowsRead, published, checkpoint, offlineDone, writtenOnline, message);
    }

    IngestJobRecord withOfflineDone(long nowMs) {
        return new IngestJobRecord(id, token, status, pid, request, fileSize, fileModifiedMs, groupFolder, invokedAtMs,
                startedMs, nowMs, endedMs, rowsRead, rowsPublished, checkpoints, true, writtenOnline, message);
    }

    IngestJobRecord ended(Status s, String why, long nowMs) {
        return new IngestJobRecord(id, token, s, pid, request, fileSize, fileModifiedMs, groupFolder, invokedAtMs,
                startedMs, nowMs, nowMs, rowsRead, rowsPublished, checkpoints, offlineDone, writtenOnline, why);
    }
}
