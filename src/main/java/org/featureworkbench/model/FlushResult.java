package org.featureworkbench.model;

/**
 * What a flush moved from the record journal to Parquet.
 *
 * @param rows  rows published
 * @param files files published
 */
public record FlushResult(long rows, long files) {
    public static final FlushResult NOTHING = new FlushResult(0, 0);

    public FlushResult plus(FlushResult other) {
        return new FlushResult(rows + other.rows, files + other.files);
    }
}
