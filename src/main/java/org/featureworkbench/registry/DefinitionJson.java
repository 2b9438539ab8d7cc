package org.featureworkbench.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;

/**
 * The catalog's own storage form of a definition: Jackson's mapping of the model records.
 * (Not the SageMaker interchange shape, which lives in the json package: this one also keeps
 * feature metadata, and may evolve with the catalog.)
 */
final class DefinitionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DefinitionJson() {
    }

    static String write(FeatureGroupDefinition definition) {
        try {
            return MAPPER.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new FeatureStoreException("could not serialise definition of " + definition.name(), e);
        }
    }

    static FeatureGroupDefinition read(String json) {
        try {
            return MAPPER.readValue(json, FeatureGroupDefinition.class);
        } catch (JsonProcessingException e) {
            throw new FeatureStoreException("the catalog entry is unreadable (" + e.getOriginalMessage()
                    + "); the workspace database may be from a newer version", e);
        }
    }
}
