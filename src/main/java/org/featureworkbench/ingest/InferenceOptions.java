package org.featureworkbench.ingest;

/**
 * How to infer a feature group from a file.
 *
 * @param groupName      the group's name, or null to derive it from the file name
 * @param sampleRows     how many rows to look at (SageMaker's notebooks look at a DataFrame; we
 *                       stop after this many so a huge file infers in well under a second)
 * @param recordId       the column to use as record identifier, or null to suggest one
 * @param eventTime      the column to use as event time, or null to suggest one
 * @param stampEventTime add an {@code EventTime} Fractional feature that the ingest stamps with the
 *                       ingest time, as AWS's introduction notebook does (ignored when
 *                       {@code eventTime} names a column)
 */
public record InferenceOptions(String groupName, int sampleRows, String recordId, String eventTime,
                               boolean stampEventTime) {
    public static final int DEFAULT_SAMPLE_ROWS = 10_000;
    /** Suggest everything from the first 10,000 rows. */
    public static final InferenceOptions DEFAULTS = new InferenceOptions(null, DEFAULT_SAMPLE_ROWS, null, null, false);

    public InferenceOptions {
        if (sampleRows <= 0) {
            throw new IllegalArgumentException("sampleRows must be positive, was " + sampleRows);
        }
    }

    public InferenceOptions withGroupName(String name) {
        return new InferenceOptions(name, sampleRows, recordId, eventTime, stampEventTime);
    }

    public InferenceOptions withRecordId(String column) {
        return new InferenceOptions(groupName, sampleRows, column, eventTime, stampEventTime);
    }

    public InferenceOptions withEventTime(String column) {
        return new InferenceOptions(groupName, sampleRows, recordId, column, stampEventTime);
    }

    public InferenceOptions withStampEventTime(boolean stamp) {
        return new InferenceOptions(groupName, sampleRows, recordId, eventTime, stamp);
    }
}
