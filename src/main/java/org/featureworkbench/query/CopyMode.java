package org.featureworkbench.query;

/** Where the query engine reads a group's rows from (ADR 0013). */
public enum CopyMode {
    /**
     * A native copy in {@code <workspace>/query/mirror.duckdb}, kept across restarts; when another
     * process owns that file, {@link #DIRECT} instead. The default.
     */
    PERSISTENT,
    /** A native copy in memory, loaded by each process (the cold path of benchmarks). */
    IN_MEMORY,
    /** No copy: each group's relation is a view over its current Parquet files. */
    DIRECT
}
