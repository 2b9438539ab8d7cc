package org.featureworkbench.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * How source columns become features.
 *
 * @param renames        source column → feature name, for columns whose name differs from the
 *                       feature's (e.g. the sanitised names {@link SchemaInference} reports);
 *                       other columns match features by name, ignoring case. Never null.
 * @param stampEventTime when not null, every row gets this event time; allowed only when the
 *                       file has no column for the event-time feature (AWS's introduction
 *                       notebook stamps the ingest time the same way)
 */
public record MappingOptions(Map<String, String> renames, Instant stampEventTime) {
    /** Match by name, event time from the file. */
    public static final MappingOptions BY_NAME = new MappingOptions(Map.of(), null);

    public MappingOptions {
        renames = renames == null ? Map.of() : Map.copyOf(renames);
    }

    public MappingOptions withRenames(Map<String, String> newRenames) {
        return new MappingOptions(newRenames, stampEventTime);
    }

    public MappingOptions withStampEventTime(Instant newStamp) {
        return new MappingOptions(renames, newStamp);
    }
}
