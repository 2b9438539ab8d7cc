package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;

/** Requests and groups the runtime handler tests share. */
final class RuntimeHandlerFixture {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RuntimeHandlerFixture() {
    }

    static ApiRequest post(String path, String body) {
        return new ApiRequest("POST", path, "", Map.of("content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), new InetSocketAddress("127.0.0.1", 50000));
    }

    /** id (String), ts (Fractional), n (Integral); both stores, no TTL. */
    static void group(FeatureStore store, String name) {
        store.createFeatureGroup(new FeatureGroupDefinition(name, "id", "ts", List.of(
                new FeatureDefinition("id", FeatureType.STRING), new FeatureDefinition("ts", FeatureType.FRACTIONAL),
                new FeatureDefinition("n", FeatureType.INTEGRAL)), "", Map.of(), OnlineStoreConfig.ENABLED,
                OfflineStoreConfig.ENABLED));
    }

    static JsonNode json(ApiResponse response) {
        try {
            return MAPPER.readTree(new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
