package org.featureworkbench.model;

import java.util.List;

/**
 * A BatchGetRecord response in SageMaker's shape. An id that is not in the store (or is deleted
 * or expired) is in none of the three lists, as a missing record is not an error.
 *
 * @param records                the records found, in request order
 * @param errors                 per-id failures that retrying will not fix (unknown group, bad id)
 * @param unprocessedIdentifiers ids not read because the store failed for now; retry them
 */
public record BatchGetResult(List<OnlineRecord> records, List<Error> errors,
                             List<BatchGetIdentifier> unprocessedIdentifiers) {
    /** SageMaker's ErrorCode for a group that does not exist. */
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    /** SageMaker's ErrorCode for a request that breaks a rule (bad id, unknown feature). */
    public static final String VALIDATION_ERROR = "ValidationError";

    public BatchGetResult {
        records = List.copyOf(records);
        errors = List.copyOf(errors);
        unprocessedIdentifiers = List.copyOf(unprocessedIdentifiers);
    }

    /**
     * One failed id (SageMaker's BatchGetRecordError).
     *
     * @param featureGroupName              the group asked for
     * @param recordIdentifierValueAsString the id asked for
     * @param errorCode                     {@link #RESOURCE_NOT_FOUND} or {@link #VALIDATION_ERROR}
     * @param errorMessage                  what is wrong, shown to a user as-is
     */
    public record Error(String featureGroupName, String recordIdentifierValueAsString, String errorCode,
                        String errorMessage) {
    }
}
