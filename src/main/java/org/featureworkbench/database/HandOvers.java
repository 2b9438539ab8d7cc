package org.featureworkbench.database;

/**
 * A data source that can say how often it followed the database to a new owner (ADR 0016). A
 * record journal's mark read after a hand-over may be torn (ADR 0010, addendum of 2026-12-05), so
 * the writer replays from its last disk barrier whenever this count has moved.
 */
public interface HandOvers {
    /** How many times the database changed hands under this data source; starts at 0. */
    long handOvers();
}
