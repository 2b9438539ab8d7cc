package org.featureworkbench.ingest;

/**
 * A row that cannot be stored.
 *
 * @param line         1-based line where the row starts (Parquet: row number)
 * @param originalText the row as written
 * @param reason       why, in words a user can act on (names the line, column and rule)
 */
public record RowRejection(long line, String originalText, String reason) implements MappingOutcome {
}
