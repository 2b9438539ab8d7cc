package org.featureworkbench.core;

import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;

/**
 * A feature group suggested for a file by {@link IngestOperations#infer}.
 *
 * @param definition       a CreateFeatureGroup definition with both stores enabled; its record
 *                         identifier or event time name is null when none could be suggested (the
 *                         notes say so) and the user must choose before ingesting
 * @param renames          source column → feature name, for each column whose name was not a valid
 *                         feature name; pass it on with {@link IngestRequest#withNewGroup}
 * @param stampedEventTime the added feature the ingest stamps with the ingest time, or null
 * @param columns          what the sample showed about each source column, in file order
 * @param sampledRows      readable rows looked at
 * @param unreadableRows   rows of the sample that cannot be read (an ingest will reject them)
 * @param notes            what was decided and why, in words for the user, in order
 */
public record InferredGroup(FeatureGroupDefinition definition, Map<String, String> renames, String stampedEventTime,
                            List<Column> columns, long sampledRows, long unreadableRows, List<String> notes) {

    public InferredGroup {
        renames = Map.copyOf(renames);
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    /**
     * One source column as the sample showed it.
     *
     * @param column      its name in the file
     * @param featureName the feature it becomes
     * @param type        the inferred type
     * @param nonEmpty    sampled rows with a value
     * @param unique      every sampled value present and distinct (a record identifier candidate)
     */
    public record Column(String column, String featureName, FeatureType type, long nonEmpty, boolean unique) {
    }
}
