package org.featureworkbench.core;

import java.nio.file.Path;
import java.util.List;

/**
 * What an ingest did. Counts are of rows in the file, except {@code writtenOnline}.
 *
 * @param jobId          the job's id
 * @param groupName      the target group
 * @param rowsRead       rows read from the file (stored + rejected)
 * @param writtenOnline  online records that changed: rows that survived the in-file
 *                       deduplication (newest per record id) and were not older than the stored
 *                       record; 0 when the online store was not a target
 * @param writtenOffline rows appended to the offline store (every accepted version)
 * @param rejected       rows that could not be stored, each in the rejects file
 * @param seconds        wall-clock time from start to end
 * @param rejectsFile    the rejects file, or null when none was written
 * @param cancelled      whether the user cancelled; the counts then say what was written before
 * @param notes          things the user should know: unmapped columns, absent features, reader notes
 * @param ignoredColumns the file's columns no feature of the group takes (the ingest skipped them);
 *                       {@link IngestOperations#newColumns} says which features would keep them
 */
public record IngestSummary(String jobId, String groupName, long rowsRead, long writtenOnline, long writtenOffline,
                            long rejected, double seconds, Path rejectsFile, boolean cancelled, List<String> notes,
                            List<String> ignoredColumns) {

    public IngestSummary {
        notes = List.copyOf(notes);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** Rows read per second of the whole ingest. */
    public double rowsPerSecond() {
        return seconds <= 0 ? rowsRead : rowsRead / seconds;
    }
}
