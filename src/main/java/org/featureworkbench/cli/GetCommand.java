package org.featureworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.RecordJson;
import org.featureworkbench.model.OnlineRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code get GROUP ID}: SageMaker's GetRecord. A missing record is an empty result, not an error. */
@Command(name = "get", description = {"Read the latest values of one record from the online store.",
        "A record never written, deleted or expired is an empty result (exit code 0), as in SageMaker.",
        "A group whose online table is missing or damaged is an error (exit code 1): run check, then repair."})
final class GetCommand extends RecordCommand {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Feature group name.")
    String group;

    @Parameters(index = "1", paramLabel = "ID", description = "Record identifier value.")
    String id;

    @Option(names = "--feature", paramLabel = "F", description = "Return only this feature. Repeat for more.")
    List<String> features = new ArrayList<>();

    @Option(names = "--with-expiry", description = "Also show the event time and when the record expires (ExpiresAt).")
    boolean withExpiry;

    @Option(names = "--json", description = "Print the GetRecord response shape {\"Record\": [{\"FeatureName\": …, \"ValueAsString\": …}]}.")
    boolean json;

    @Override
    protected void run(FeatureStore store) {
        Optional<OnlineRecord> record = store.records().getRecord(group, id, features.isEmpty() ? null : features);
        if (json) {
            out().print(RecordJson.writeGetRecord(record, withExpiry));
        } else {
            out().print(record.map(r -> RecordText.record(r, withExpiry, "")).orElseGet(() -> RecordText.missing(group, id)));
        }
    }
}
