package org.featureworkbench.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of SageMaker's ListRecords: record identifiers of a group's online store in record-id
 * order, and the token for the next page.
 *
 * @param recordIdentifiers the ids, as RecordIdentifierValueAsString, never null
 * @param nextToken         opaque; present only when more records may follow
 */
public record RecordIdPage(List<String> recordIdentifiers, Optional<String> nextToken) {
    public RecordIdPage {
        recordIdentifiers = List.copyOf(recordIdentifiers);
        nextToken = nextToken == null ? Optional.empty() : nextToken;
    }
}
