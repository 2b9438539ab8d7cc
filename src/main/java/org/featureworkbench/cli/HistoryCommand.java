package org.featureworkbench.cli;

import java.time.Instant;
import java.util.List;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.query.RowSink;
import org.featureworkbench.query.TimeTravel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code history GROUP ID}: every version of one record in the offline store, oldest first. */
@Command(name = "history", description = {"Show every version of one record from the offline store, oldest first.",
        "Rows with the same event time are shown once (the last written) and delete markers are hidden,",
        "unless --include-deleted."})
final class HistoryCommand extends RecordCommand {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Feature group name.")
    String group;

    @Parameters(index = "1", paramLabel = "RECORD_ID", description = "Record identifier value.")
    String id;

    @Option(names = "--as-of", paramLabel = "T", converter = Arguments.InstantConverter.class,
            description = "Only what the store knew at T (rows with write_time <= T), e.g. 2026-11-20T10:00:00Z.")
    Instant asOf;

    @Option(names = "--include-deleted", description = "Also show delete markers (is_deleted = true).")
    boolean includeDeleted;

    @Option(names = "--include-duplicates", description = "Also show earlier writes of the same event time.")
    boolean includeDuplicates;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            converter = QueryArguments.OutputFormatConverter.class, description = "Output format (default: table).")
    String format;

    @Override
    protected void run(FeatureStore store) {
        TimeTravel read = store.query().timeTravel(group).history().record(id).asOf(asOf)
                .includeDeleted(includeDeleted).includeDuplicates(includeDuplicates);
        ResultPrinter printer = ResultPrinter.of(format, out());
        long rows;
        try {
            rows = store.query().stream(read, QueryOptions.DEFAULT, new QueryCancellation(), printer);
        } catch (RuntimeException e) {
            printer.flushLines();
            throw e;
        }
        printer.finish();
        if (rows > 0 && !includeDeleted && "table".equals(format) && deletedNow(store)) {
            out().println("Record " + id + " is deleted" + (asOf != null ? " as of " + asOf : "") + ": its newest version"
                    + " is a delete marker, which history leaves out (--include-deleted shows the markers).");
        }
        if (rows == 0 && "table".equals(format)) {
            out().println("No versions of record " + id + " in the offline store of " + group
                    + (asOf != null ? " as of " + asOf + laterVersions(store) : "") + ".");
        }
    }

    /** Whether the record has versions but no latest state: a delete marker is its newest version. */
    private boolean deletedNow(FeatureStore store) {
        TimeTravel latest = store.query().timeTravel(group).latest().record(id).asOf(asOf);
        return store.query().stream(latest, new QueryOptions(1, null), new QueryCancellation(), new RowSink() {
            @Override
            public void columns(List<ResultColumn> columns) {
            }

            @Override
            public void row(Object[] values) {
            }
        }) == 0;
    }

    /**
     * --as-of reads by write time (when the store got a row), not event time: a record ingested
     * after T has no version as of T however old its event times are. Says so, with the first
     * write time that would show it.
     */
    private String laterVersions(FeatureStore store) {
        // Every write of the record, earlier writes of one event time too: the first write counts.
        TimeTravel all = store.query().timeTravel(group).history().record(id)
                .includeDeleted(includeDeleted).includeDuplicates(true);
        Instant[] first = new Instant[1];
        store.query().stream(all, QueryOptions.DEFAULT, new QueryCancellation(), new RowSink() {
            private int writeTime = -1;

            @Override
            public void columns(List<ResultColumn> columns) {
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).name().equals("write_time")) {
                        writeTime = i;
                    }
                }
            }

            @Override
            public void row(Object[] values) {
                // write_time is a TIMESTAMPTZ: the query engine hands it over as an Instant.
                if (writeTime >= 0 && values[writeTime] instanceof Instant written
                        && (first[0] == null || written.isBefore(first[0]))) {
                    first[0] = written;
                }
            }
        });
        return first[0] == null ? "" : " (--as-of reads by write time: the store first got this record at "
                + first[0] + "; use --as-of " + first[0] + " or later to see it)";
    }

}
