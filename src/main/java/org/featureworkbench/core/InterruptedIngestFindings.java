package org.featureworkbench.core;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.featureworkbench.health.Finding;

/**
 * The workspace's interrupted ingests as findings of {@code check}: a user who checks the workspace
 * after a crash learns there what is left half stored, not only from a warning printed elsewhere.
 */
final class InterruptedIngestFindings {
    private InterruptedIngestFindings() {
    }

    static List<Finding> of(List<IngestJobRecord> interrupted) {
        return interrupted.stream().map(InterruptedIngestFindings::finding).toList();
    }

    static Finding finding(IngestJobRecord r) {
        String ended = r.ended() == null ? "" : " at " + r.ended().truncatedTo(ChronoUnit.SECONDS);
        return new Finding(Finding.Kind.INGEST_INTERRUPTED, r.id(),
                "ingest " + r.id() + " of " + r.file() + " into '" + r.group() + "' was interrupted (its process"
                        + " ended" + ended + ")",
                r.whatIsStored(),
                "continue it with 'feature-workbench ingest --resume " + r.id() + "' (Resume on the Jobs page),"
                        + " which stores only what is missing; or give it up with 'feature-workbench jobs --abandon "
                        + r.id() + "'");
    }
}
