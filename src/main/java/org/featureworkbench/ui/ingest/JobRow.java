package org.featureworkbench.ui.ingest;

import java.time.Instant;
import org.featureworkbench.core.IngestJob;
import org.featureworkbench.core.IngestJobProgress;

/**
 * One line of the jobs table: a snapshot of an ingest job taken by the last poll.
 *
 * @param job      the job itself (for Cancel and the summary)
 * @param progress its progress at the poll
 */
public record JobRow(IngestJob job, IngestJobProgress progress) {

    static JobRow of(IngestJob job) {
        return new JobRow(job, job.progress());
    }

    public String id() {
        return job.id();
    }

    public String group() {
        return job.request().groupName();
    }

    public String file() {
        return job.request().file().getFileName().toString();
    }

    public IngestJob.State state() {
        return progress.state();
    }

    /** The state in the table's words ("Done", not SUCCEEDED). */
    public String stateText() {
        return switch (progress.state()) {
            case QUEUED -> "Waiting";
            case VALIDATING -> "Checking";
            case WRITING -> "Writing";
            case SUCCEEDED -> "Done";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    public boolean running() {
        return !progress.state().finished();
    }

    /** Share of the current pass done (1 once finished successfully). */
    public double fraction() {
        return progress.state() == IngestJob.State.SUCCEEDED ? 1.0 : progress.fraction();
    }

    public String rows() {
        return IngestText.count(progress.rowsRead());
    }

    public String rejected() {
        return IngestText.count(progress.rowsRejected());
    }

    public Instant started() {
        return job.submittedAt();
    }

    public String startedText() {
        return IngestText.time(job.submittedAt());
    }

    public String duration() {
        return progress.state() == IngestJob.State.QUEUED ? "" : IngestText.duration(progress.seconds());
    }
}
