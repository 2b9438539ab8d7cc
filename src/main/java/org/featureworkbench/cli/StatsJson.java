package org.featureworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.stats.FeatureStatistics;
import org.featureworkbench.query.stats.NumericSummary;

/**
 * JSON of the statistics and drift records (no SageMaker shape exists for them): field names as
 * the records name them, instants in ISO-8601 UTC, empty optionals as null, types as SageMaker
 * spells them ({@code Integral}).
 */
final class StatsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(FeatureStatistics.class, FeatureStatisticsJson.class)
            .registerModule(new SimpleModule("fwb-stats")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(FeatureType.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(FeatureType t, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeString(t.awsName());
                        }
                    })
                    .addSerializer(toOptional()));

    private StatsJson() {
    }

    /**
     * {@code isNumeric()} would otherwise claim the JSON name "numeric" and print {@code true} where
     * the numeric summary (min, max, mean, std, quartiles) belongs.
     */
    abstract static class FeatureStatisticsJson {
        @JsonProperty("numeric")
        abstract NumericSummary numeric();

        @JsonIgnore
        abstract boolean isNumeric();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonSerializer<Optional<?>> toOptional() {
        return new JsonSerializer<>() {
            @Override
            public Class<Optional<?>> handledType() {
                return (Class) Optional.class;
            }

            @Override
            public void serialize(Optional<?> value, JsonGenerator g, SerializerProvider p) throws IOException {
                if (value.isPresent()) {
                    p.defaultSerializeValue(value.get(), g);
                } else {
                    g.writeNull();
                }
            }
        };
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getMessage(), e);
        }
    }
}
