package org.featureworkbench.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.UserTimes;
import org.featureworkbench.model.GroupListQuery;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parsing of the option values several commands share. */
final class Arguments {
    private Arguments() {
    }

    /** {@code NAME:TYPE} values of repeated {@code --feature} options. */
    static List<FeatureDefinition> features(List<String> values) {
        List<FeatureDefinition> features = new ArrayList<>();
        for (String value : values) {
            features.add(FeatureDefinition.parse(value, "--feature"));
        }
        return features;
    }

    /**
     * ISO-8601 date or date-time: {@code 2024-05-01} (midnight UTC), {@code 2024-05-01T12:00:00}
     * (UTC), {@code 2024-05-01T12:00:00Z} or with an offset such as {@code +02:00}.
     */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return UserTimes.parse(value, false);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 date or date-time;"
                        + " write e.g. 2024-05-01 or 2024-05-01T12:00:00Z");
            }
        }
    }

    /** {@code name} or {@code created}. */
    static final class SortConverter implements ITypeConverter<GroupListQuery.SortBy> {
        @Override
        public GroupListQuery.SortBy convert(String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "name" -> GroupListQuery.SortBy.NAME;
                case "created" -> GroupListQuery.SortBy.CREATION_TIME;
                default -> throw new TypeConversionException("'" + value + "' is not a sort key; use name or created");
            };
        }
    }
}
