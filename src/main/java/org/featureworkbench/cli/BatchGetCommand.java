package org.featureworkbench.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.RecordJson;
import org.featureworkbench.model.BatchGetIdentifier;
import org.featureworkbench.model.BatchGetResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code batch-get GROUP:ID[,ID…] …}: SageMaker's BatchGetRecord, with per-id errors instead of failing. */
@Command(name = "batch-get", description = {"Read up to 100 records across up to 100 groups from the online store.",
        "An unknown group or a bad id is reported per id (exit code 0), as BatchGetRecord does.",
        "A group whose online table is missing or damaged fails the command (exit code 1)."},
        footer = {"", "Example:", "  batch-get customers:573291,573292 orders:o-1"})
final class BatchGetCommand extends RecordCommand {
    @Parameters(arity = "1..*", paramLabel = "GROUP:ID[,ID…]", converter = IdentifierConverter.class,
            description = "A group and the ids to read from it. Repeat for more groups.")
    List<BatchGetIdentifier> identifiers = new ArrayList<>();

    @Option(names = "--with-expiry", description = "Also show each record's event time and ExpiresAt.")
    boolean withExpiry;

    @Option(names = "--json", description = "Print the BatchGetRecord response shape (Records, Errors, UnprocessedIdentifiers).")
    boolean json;

    @Override
    protected void run(FeatureStore store) {
        BatchGetResult result = store.records().batchGetRecord(identifiers);
        out().print(json ? RecordJson.writeBatchGetRecord(result, withExpiry)
                : RecordText.batch(identifiers, result, withExpiry));
        int unread = result.unprocessedIdentifiers().stream().mapToInt(i -> i.recordIdentifiersValueAsString().size()).sum();
        if (unread > 0) {
            // Not a success: records it was asked for were not read (a damaged table, a lost connection).
            throw new org.featureworkbench.model.FeatureStoreException(unread + (unread == 1 ? " record" : " records")
                    + " could not be read (listed under UnprocessedIdentifiers); try again, and if it persists run "
                    + "'feature-workbench check'");
        }
    }

    /** {@code customers:573291,573292}: group names cannot hold ':', so the first one separates. */
    static final class IdentifierConverter implements ITypeConverter<BatchGetIdentifier> {
        @Override
        public BatchGetIdentifier convert(String value) {
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new TypeConversionException("'" + value + "' is not GROUP:ID[,ID…]; write e.g. customers:573291,573292");
            }
            List<String> ids = Arrays.asList(value.substring(colon + 1).split(",", -1));
            if (ids.stream().anyMatch(String::isEmpty)) {
                throw new TypeConversionException("'" + value + "' has an empty record id; separate ids with single commas");
            }
            return new BatchGetIdentifier(value.substring(0, colon), ids, null);
        }
    }
}
