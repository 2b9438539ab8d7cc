package org.featureworkbench.ingest;

/** Size limits shared by every source reader. */
public final class SourceLimits {
    /**
     * The longest value one cell may hold, in characters: SageMaker's limit for a
     * {@code ValueAsString} (350 KiB). A longer value rejects its row, not the file.
     */
    public static final int MAX_VALUE_CHARS = 358_400;

    private SourceLimits() {
    }

    /** The reason a row is rejected for an over-long value, or null when {@code length} is within the limit. */
    static String tooLong(String column, int length) {
        if (length <= MAX_VALUE_CHARS) {
            return null;
        }
        return "column '" + column + "' holds " + String.format("%,d", length) + " characters; SageMaker's limit for one"
                + " value is " + String.format("%,d", MAX_VALUE_CHARS) + " - shorten it or keep it outside the feature store";
    }
}
