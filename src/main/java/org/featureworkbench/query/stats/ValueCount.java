package org.featureworkbench.query.stats;

/** One value of a String feature and how many rows hold it. */
public record ValueCount(String value, long count) {
}
