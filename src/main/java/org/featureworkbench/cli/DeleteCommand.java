package org.featureworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code group delete}: SageMaker's DeleteFeatureGroup. */
@Command(name = "delete", description = {"Delete a group's definition and online data.",
        "Its offline store files are kept, as SageMaker keeps the S3 data, unless --purge-offline is given."})
final class DeleteCommand extends StoreCommand {
    @Parameters(paramLabel = "NAME", description = "Feature group name.")
    String name;

    @Option(names = "--purge-offline", description = "Also delete the group's offline store files.")
    boolean purgeOffline;

    @Override
    protected void run(FeatureStore store) {
        FeatureGroup deleted = store.deleteFeatureGroup(name, purgeOffline,
                waiting -> context().err().println(waiting));
        if (!deleted.definition().offlineStore().enabled()) {
            out().println("Deleted feature group " + deleted.name() + ".");
        } else if (purgeOffline) {
            out().println("Deleted feature group " + deleted.name() + " and its offline store files.");
        } else {
            Path folder = store.offlineStoreDirectory().resolve(deleted.offlineFolderName());
            // The folder appears with the first flush; a group deleted before that has nothing kept.
            out().println(Files.isDirectory(folder)
                    ? "Deleted feature group " + deleted.name() + "; its offline store files are kept in " + folder
                            + " (--purge-offline removes them)."
                    : "Deleted feature group " + deleted.name() + "; it had no offline store files yet"
                            + " (no rows had reached its offline store).");
        }
    }
}
