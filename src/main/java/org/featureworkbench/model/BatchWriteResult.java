package org.featureworkbench.model;

import java.util.List;

/**
 * What a BatchWriteRecord did. Entries in neither list were written (each as PutRecord would).
 *
 * @param errors      entries that retrying will not fix (unknown group, a value of the wrong type)
 * @param unprocessed positions (in the request) of entries not written because the store failed for
 *                    now; retry them
 */
public record BatchWriteResult(List<Failure> errors, List<Integer> unprocessed) {
    /** SageMaker's ErrorCode for a group that does not exist. */
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    /** SageMaker's ErrorCode for an entry that breaks a rule. */
    public static final String VALIDATION_ERROR = "ValidationError";

    public BatchWriteResult {
        errors = List.copyOf(errors);
        unprocessed = List.copyOf(unprocessed);
    }

    /**
     * One failed entry (SageMaker's BatchWriteRecordError).
     *
     * @param entry        its position in the request, from 0
     * @param errorCode    {@link #RESOURCE_NOT_FOUND} or {@link #VALIDATION_ERROR}
     * @param errorMessage what is wrong, shown to a user as-is
     */
    public record Failure(int entry, String errorCode, String errorMessage) {
    }
}
