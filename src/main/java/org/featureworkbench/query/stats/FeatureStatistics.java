package org.featureworkbench.query.stats;

import java.util.List;
import org.featureworkbench.model.FeatureType;

/**
 * The profile of one feature.
 *
 * @param name      feature name
 * @param type      its catalog type
 * @param count     non-null values
 * @param nulls     null values (a feature added later reads null in older rows)
 * @param distinct  distinct non-null values (exact, or DuckDB's HyperLogLog estimate for large groups:
 *                  see {@link GroupStatistics#exact()})
 * @param numeric   min, max, mean, std and quartiles; null for String features and when {@code count == 0}
 * @param histogram bins by Freedman–Diaconis (Sturges when the IQR is 0); null like {@code numeric}
 * @param topValues the most frequent values, most frequent first; empty for numeric features, for the
 *                  event time, and for the record identifier of a latest snapshot (one row each)
 */
public record FeatureStatistics(String name, FeatureType type, long count, long nulls, long distinct,
                                NumericSummary numeric, Histogram histogram, List<ValueCount> topValues) {
    public FeatureStatistics {
        topValues = List.copyOf(topValues);
    }

    /** True for Integral and Fractional features. */
    public boolean isNumeric() {
        return type != FeatureType.STRING;
    }
}
