package org.featureworkbench.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;

class DefinitionJsonTest {

    private static FeatureGroupDefinition withMetadata() {
        FeatureGroupDefinition d = Definitions.customers("customers");
        List<FeatureDefinition> features = d.features().stream()
                .map(f -> f.name().equals("age") ? f.withMetadata("Age in years", Map.of("unit", "years")) : f)
                .toList();
        return d.withFeatures(features);
    }

    @Test
    void roundTripKeepsEveryFieldIncludingMetadataAndTtl() {
        FeatureGroupDefinition d = withMetadata();
        assertEquals(d, DefinitionJson.read(DefinitionJson.write(d)));
        FeatureGroupDefinition noTtl = d.withOnlineStore(OnlineStoreConfig.ENABLED);
        assertEquals(noTtl, DefinitionJson.read(DefinitionJson.write(noTtl)));
    }

    @Test
    void readsEntriesWrittenByTheEarlierDataBindingFormat() throws Exception {
        // Workspaces created before the streaming writer hold Jackson's mapping of the records.
        FeatureGroupDefinition d = withMetadata();
        String legacy = new ObjectMapper().writeValueAsString(d);
        assertEquals(d, DefinitionJson.read(legacy));
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() {
        String json = DefinitionJson.write(withMetadata()).replaceFirst("\\{", "{\"futureField\":{\"x\":[1,2]},");
        assertEquals(withMetadata(), DefinitionJson.read(json));
    }

    @Test
    void aCorruptEntryIsReportedNotMisread() {
        assertThrows(FeatureStoreException.class, () -> DefinitionJson.read("{\"name\": [}"));
    }
}
