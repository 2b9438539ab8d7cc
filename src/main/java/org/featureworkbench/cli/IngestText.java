package org.featureworkbench.cli;

import java.util.Locale;
import org.featureworkbench.core.IngestSummary;
import org.featureworkbench.model.FeatureGroupDefinition;

/** How ingest results look on the command line. */
final class IngestText {
    private IngestText() {
    }

    /** One line: read, online, offline, rejected, seconds, rows/s, and the rejects file when there are rejects. */
    static String summaryLine(IngestSummary s) {
        String line = String.format(Locale.ROOT, "%s %s into %s: read %d, online %d, offline %d, rejected %d, "
                        + "%.2f s, %.0f rows/s", s.cancelled() ? "Cancelled ingest" : "Ingested", s.jobId(),
                s.groupName(), s.rowsRead(), s.writtenOnline(), s.writtenOffline(), s.rejected(), s.seconds(),
                s.rowsPerSecond());
        return s.rejectsFile() == null || s.rejected() == 0 ? line : line + "; rejects in " + s.rejectsFile();
    }

    /** The record identifier and event time lines of an inferred definition. */
    static String keys(FeatureGroupDefinition d) {
        return "record identifier: " + (d.recordIdentifierFeatureName() == null ? "(none; choose one with --record-id)"
                : d.recordIdentifierFeatureName()) + ", event time: " + (d.eventTimeFeatureName() == null
                ? "(none; choose one with --event-time or --stamp-event-time)" : d.eventTimeFeatureName());
    }
}
