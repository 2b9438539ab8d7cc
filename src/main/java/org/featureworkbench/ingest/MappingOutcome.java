package org.featureworkbench.ingest;

/** What mapping one source row gives: a {@link MappedRow} to store, or a {@link RowRejection}. */
public sealed interface MappingOutcome permits MappedRow, RowRejection {
    /** The row's 1-based line in the file (Parquet: row number). */
    long line();

    /** The row as it was written, for a rejects file. */
    String originalText();
}
