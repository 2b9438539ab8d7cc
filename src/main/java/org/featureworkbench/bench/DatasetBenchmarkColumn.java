package org.featureworkbench.bench;

import java.util.List;
import org.featureworkbench.model.FeatureType;

/**
 * One column of {@code bench dataset}'s generated data: its name and what it holds, which decides
 * its feature type, how values are generated, and how the output comparison reads it back
 * ({@link DatasetBenchmarkCompare}).
 *
 * @param name       the column (and feature) name
 * @param kind       what it holds
 * @param vocabulary the values of a {@link Kind#TEXT} column (never empty strings: CSV readers
 *                   disagree on whether an empty cell is "" or missing); empty for other kinds
 */
record DatasetBenchmarkColumn(String name, Kind kind, List<String> vocabulary) {
    /** What a column holds. */
    enum Kind {
        /** A 64-bit integer (Integral). */
        INTEGER(FeatureType.INTEGRAL),
        /** A double (Fractional). */
        DOUBLE(FeatureType.FRACTIONAL),
        /** Text (String). */
        TEXT(FeatureType.STRING),
        /** An ISO-8601 UTC event time (String), compared as an instant. */
        ISO_TIME(FeatureType.STRING),
        /** Epoch seconds with milliseconds (Fractional), compared as an instant. */
        EPOCH_TIME(FeatureType.FRACTIONAL);

        private final FeatureType type;

        Kind(FeatureType type) {
            this.type = type;
        }

        FeatureType featureType() {
            return type;
        }

        boolean isTime() {
            return this == ISO_TIME || this == EPOCH_TIME;
        }
    }

    DatasetBenchmarkColumn {
        vocabulary = List.copyOf(vocabulary);
    }

    static DatasetBenchmarkColumn of(String name, Kind kind) {
        return new DatasetBenchmarkColumn(name, kind, List.of());
    }

    static DatasetBenchmarkColumn text(String name, String... values) {
        return new DatasetBenchmarkColumn(name, Kind.TEXT, List.of(values));
    }
}
