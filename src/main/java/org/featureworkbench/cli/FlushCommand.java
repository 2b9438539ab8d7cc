package org.featureworkbench.cli;

import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FlushResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flush [GROUP]}: publish the rows queued for the offline store as Parquet now. */
@Command(name = "flush", description = {"Write the rows queued for the offline store to Parquet now.",
        "The store also does it every few seconds and on exit."})
final class FlushCommand extends RecordCommand {
    @Parameters(arity = "0..1", paramLabel = "GROUP", description = "Feature group name (default: every group).")
    String group;

    @Override
    protected void run(FeatureStore store) {
        FlushResult result = store.records().flush(group);
        String scope = group == null ? "" : " for " + group;
        if (result.rows() == 0) {
            out().println("Nothing to flush" + scope + ": no rows were waiting for the offline store.");
        } else {
            out().println("Flushed " + result.rows() + (result.rows() == 1 ? " row" : " rows") + " into "
                    + result.files() + (result.files() == 1 ? " file" : " files") + scope + ".");
        }
    }
}
