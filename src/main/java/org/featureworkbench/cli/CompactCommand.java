package org.featureworkbench.cli;

import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.OfflineStoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code compact GROUP}: flush, then merge each offline partition's files into one. */
@Command(name = "compact", description = {"Flush the group, then merge each hour partition's Parquet files into one.",
        "Readers see the old files or the new one, never both or neither."})
final class CompactCommand extends RecordCommand {
    @Parameters(paramLabel = "GROUP", description = "Feature group name.")
    String group;

    @Override
    protected void run(FeatureStore store) {
        OfflineStoreStats after = store.records().compact(group, waiting -> root.context().err().println(waiting));
        out().println("Compacted " + group + ": " + after.files() + (after.files() == 1 ? " file" : " files") + " in "
                + after.partitions() + (after.partitions() == 1 ? " partition" : " partitions") + ", "
                + after.rows() + (after.rows() == 1 ? " row" : " rows") + ", " + after.bytes() + " bytes.");
    }
}
