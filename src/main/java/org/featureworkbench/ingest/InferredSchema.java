package org.featureworkbench.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;

/**
 * What {@link SchemaInference} suggests.
 *
 * @param definition       a CreateFeatureGroup definition with both stores enabled; its record
 *                         identifier or event time name is null when none could be suggested
 *                         (the notes say so) — the user must choose before creating the group
 * @param renames          source column → feature name, for every column whose name had to change
 * @param columns          one profile per source column, in file order
 * @param stampedEventTime the added feature the ingest stamps with the ingest time, or null
 * @param sampledRows      rows looked at (readable ones)
 * @param unreadableRows   rows in the sample the reader rejected (ragged, …), left out of the counts
 * @param notes            what was decided and why, for the user, in order
 */
public record InferredSchema(FeatureGroupDefinition definition, Map<String, String> renames,
                             List<ColumnProfile> columns, String stampedEventTime, long sampledRows,
                             long unreadableRows, List<String> notes) {

    public InferredSchema {
        renames = Map.copyOf(renames);
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    /** The mapping options an ingest of this file into this definition needs (renames, and the stamp when stamping). */
    public MappingOptions mappingOptions(Instant ingestTime) {
        return new MappingOptions(renames, stampedEventTime == null ? null : ingestTime);
    }

    /**
     * What the sample showed about one column.
     *
     * @param column      the column's name in the file
     * @param featureName the feature it becomes
     * @param type        the inferred type
     * @param nonEmpty    sampled rows with a value
     * @param unique      every sampled value present and distinct
     */
    public record ColumnProfile(String column, String featureName, FeatureType type, long nonEmpty, boolean unique) {
    }
}
