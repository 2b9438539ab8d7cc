package org.featureworkbench.cli;

import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.CreateFeatureGroupJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code group export}: writes the CreateFeatureGroup request that re-creates a group. */
@Command(name = "export", description = {"Print (or write) the CreateFeatureGroup JSON that re-creates a group.",
        "'group create --file' and boto3 accept it as is; for AWS, add RoleArn and put a bucket in S3Uri."})
final class ExportCommand extends StoreCommand {
    @Parameters(paramLabel = "NAME", description = "Feature group name.")
    String name;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (replacing it) instead of printing.")
    Path outFile;

    @Override
    protected void run(FeatureStore store) {
        String json = CreateFeatureGroupJson.write(store.describeFeatureGroup(name));
        if (outFile == null) {
            out().print(json);
        } else {
            InputFiles.writeText(outFile, json);
            out().println("Wrote " + outFile);
        }
    }
}
