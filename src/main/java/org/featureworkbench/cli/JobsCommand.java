package org.featureworkbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.concurrent.Callable;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestJobRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jobs}: the workspace's ingest jobs from every process, newest first (ADR 0020). */
@Command(name = "jobs", description = {"List the ingests of this workspace, from every process, newest first.",
        "Each is RUNNING (its process is alive), INTERRUPTED (its process ended first: resume it with",
        "'ingest --resume JOB'), SUCCEEDED, FAILED or CANCELLED."},
        footer = {"", "Examples:", "  jobs", "  jobs --json", "  jobs --abandon 20261203T221500Z-AbC123"})
final class JobsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--json", description = "Print each job's record as JSON.")
    boolean json;

    @Option(names = "--abandon", paramLabel = "JOB",
            description = "Give up an interrupted ingest: no longer reported; what it stored stays.")
    String abandon;

    @Override
    public Integer call() {
        try (FeatureStore store = root.openStore(false)) {
            if (abandon != null) {
                IngestJobRecord r = store.ingest().abandon(abandon);
                root.context().out().println("Abandoned ingest " + r.id() + " of " + r.file() + " into '" + r.group()
                        + "'; the " + r.rowsPublished() + " rows it stored offline stay.");
                return 0;
            }
            List<IngestJobRecord> jobs = store.ingest().workspaceJobs();
            if (json) {
                root.context().out().println(toJson(jobs));
            } else if (jobs.isEmpty()) {
                root.context().out().println("No ingests recorded in " + store.workspaceDirectory()
                        + " yet; 'ingest GROUP FILE' starts one.");
            } else {
                root.context().out().print(JobsText.table(jobs));
                if (jobs.stream().anyMatch(j -> j.status() == IngestJobRecord.Status.INTERRUPTED)) {
                    root.context().out().println("Continue an interrupted ingest with: ingest --resume JOB");
                }
            }
        }
        return 0;
    }

    private static String toJson(List<IngestJobRecord> jobs) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(jobs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job records are plain values", e);
        }
    }
}
