package org.featureworkbench.core;

import java.time.temporal.ChronoUnit;
import org.featureworkbench.model.FeatureStoreException;

/**
 * A plain ingest of a file refused because an interrupted ingest of the same file into the same
 * group has not been resumed or given up (ADR 0020, addendum): running it again would store the
 * rows the interrupted one already published a second time. The message says so in the command
 * line's words; {@link #job()} lets a GUI say it in its own.
 */
public final class InterruptedIngestException extends FeatureStoreException {
    private final transient IngestJobRecord job;

    InterruptedIngestException(IngestJobRecord job) {
        super(message(job));
        this.job = job;
    }

    /** The interrupted ingest that blocks the new one. */
    public IngestJobRecord job() {
        return job;
    }

    private static String message(IngestJobRecord r) {
        return "not ingesting " + r.file() + " into '" + r.group() + "': ingest " + r.id() + " of this file was "
                + "interrupted (its process ended at " + r.ended().truncatedTo(ChronoUnit.SECONDS) + ") " + progress(r)
                + ". Continue it with 'ingest --resume " + r.id() + "' to store only what is missing; or give it up "
                + "with 'jobs --abandon " + r.id()
                + "' and run this ingest again to store every row again — the " + r.rowsPublished() + " rows it "
                + "already stored offline would then be there twice. Nothing was written.";
    }

    /** How far the interrupted ingest got, in words. */
    static String progress(IngestJobRecord r) {
        if (r.offlineDone()) {
            return "after storing all its " + r.rowsPublished() + " rows offline, with part of the online store missing";
        }
        return "after reading " + r.rowsRead() + " rows and storing " + r.rowsPublished() + " of them offline";
    }
}
