package org.featureworkbench.core;

/**
 * What a user fixes before the rest of a feature group is inferred from a file; null fields are suggested.
 *
 * @param groupName      the group's name, or null to derive it from the file name
 * @param recordId       the column to use as record identifier, or null to suggest one
 * @param eventTime      the column to use as event time, or null to suggest one
 * @param stampEventTime add a Fractional {@code EventTime} feature that the ingest stamps with the
 *                       ingest time, as AWS's introduction notebook does (only without {@code eventTime})
 */
public record InferOptions(String groupName, String recordId, String eventTime, boolean stampEventTime) {
    /** Suggest everything. */
    public static final InferOptions SUGGEST = new InferOptions(null, null, null, false);

    public InferOptions withGroupName(String name) {
        return new InferOptions(name, recordId, eventTime, stampEventTime);
    }

    public InferOptions withRecordId(String column) {
        return new InferOptions(groupName, column, eventTime, stampEventTime);
    }

    public InferOptions withEventTime(String column) {
        return new InferOptions(groupName, recordId, column, stampEventTime);
    }

    public InferOptions withStampEventTime(boolean stamp) {
        return new InferOptions(groupName, recordId, eventTime, stamp);
    }
}
