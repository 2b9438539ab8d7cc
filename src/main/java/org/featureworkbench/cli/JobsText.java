package org.featureworkbench.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.featureworkbench.core.IngestJobRecord;

/** How the workspace's ingest jobs look on the command line: the {@code jobs} table and the interrupted-ingest warning. */
final class JobsText {
    private JobsText() {
    }

    static String table(List<IngestJobRecord> jobs) {
        TextTable table = new TextTable("JOB", "STATE", "GROUP", "FILE", "ROWS READ", "OFFLINE", "ONLINE", "STARTED",
                "ENDED");
        for (IngestJobRecord r : jobs) {
            table.row(r.id(), r.status().name(), r.group(), r.file().toString(), Long.toString(r.rowsRead()),
                    Long.toString(r.rowsPublished()), Long.toString(r.writtenOnline()), time(r.started()),
                    time(r.ended()));
        }
        return table.render("");
    }

    /** The one-line warning every command prints while an ingest stays interrupted. */
    static String interrupted(IngestJobRecord r) {
        String stored = r.whatIsStored();
        return "ingest " + r.id() + " of " + r.file() + " into '" + r.group() + "' was interrupted (its process ended"
                + " at " + time(r.ended()) + "): " + stored + ". Continue it with: ingest --resume " + r.id()
                + " (or give it up: jobs --abandon " + r.id() + ")";
    }

    static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
