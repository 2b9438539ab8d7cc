package org.featureworkbench.cli;

import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.json.RecordJson;
import org.featureworkbench.model.RecordIdPage;
import org.featureworkbench.model.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code list-records GROUP}: SageMaker's ListRecords, one page of record ids in id order. */
@Command(name = "list-records", description = {"List the record ids in a group's online store, in id order, a page at a time.",
        "Ids go to stdout one per line; when more follow, the token for the next page is printed on stderr.",
        "Expired records are never listed; soft-deleted ones only with --include-soft-deleted."},
        footer = {"", "Examples:", "  list-records customers --max-results 500",
                "  list-records customers --next-token TOKEN_FROM_THE_PREVIOUS_PAGE"})
final class ListRecordsCommand extends RecordCommand {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Feature group name.")
    String group;

    @Option(names = "--max-results", paramLabel = "N",
            description = "Ids per page, 1 to " + RecordOperations.MAX_LIST_RESULTS + " (default "
                    + RecordOperations.DEFAULT_LIST_RESULTS + ").")
    Integer maxResults;

    @Option(names = "--next-token", paramLabel = "T", description = "Continue after the page that printed this token.")
    String nextToken;

    @Option(names = "--include-soft-deleted", description = "Also list records deleted with SoftDelete.")
    boolean includeSoftDeleted;

    @Option(names = "--json", description = "Print the ListRecords response shape {\"RecordIdentifiers\": […], \"NextToken\": …}.")
    boolean json;

    @Override
    protected void run(FeatureStore store) {
        RecordIdPage page;
        try {
            page = store.records().listRecords(group, maxResults, nextToken, includeSoftDeleted);
        } catch (ValidationException e) {
            throw switch (e.field()) {
                case "MaxResults" -> new ValidationException("--max-results", e.reason());
                case "NextToken" -> new ValidationException("--next-token", e.reason());
                default -> e;
            };
        }
        if (json) {
            out().print(RecordJson.writeListRecords(page));
            return;
        }
        page.recordIdentifiers().forEach(out()::println);
        if (page.recordIdentifiers().isEmpty()) {
            root.context().err().println("No " + (nextToken == null ? "" : "more ") + "records in " + group + ".");
        }
        page.nextToken().ifPresent(token -> root.context().err().println("More records follow; next page: "
                + "list-records " + group + " --next-token " + token));
    }
}
