package org.featureworkbench.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real workspace in a temp folder and calls to {@link ControlPlaneApi} as the server makes them. */
abstract class ControlPlaneFixture {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workspace;
    FeatureStore store;
    ControlPlaneApi api;
    /** What the calls told the server's operator (serve prints these on its console). */
    final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        api = new ControlPlaneApi(store, notices::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The JSON output of a successful call; {@code null} for an empty body. */
    JsonNode call(String operation, String body) {
        ApiResponse response = api.handle(operation, request(body));
        assertEquals(200, response.status());
        assertEquals("application/x-amz-json-1.1", response.contentType());
        if (response.body().length == 0) {
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error of a call that must fail with status 400 and this code. */
    ApiException error(String code, String operation, String body) {
        ApiException e = assertThrows(ApiException.class, () -> api.handle(operation, request(body)));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(400, e.status());
        return e;
    }

    static ApiRequest request(String body) {
        return new ApiRequest("POST", "/", "", Map.of("content-type", List.of("application/x-amz-json-1.1")),
                body.getBytes(StandardCharsets.UTF_8), new InetSocketAddress("127.0.0.1", 50000));
    }

    /** Single quotes for double quotes, so requests read as JSON in test code. */
    static String q(String json) {
        return json.replace('\'', '"');
    }

    /** Creates a group with an id, an event time and one more feature; online and/or offline. */
    void createGroup(String name, boolean online, boolean offline, String extra) {
        call("CreateFeatureGroup", q("{'FeatureGroupName': '" + name + "', 'RecordIdentifierFeatureName': 'id', "
                + "'EventTimeFeatureName': 'ts', 'FeatureDefinitions': [{'FeatureName': 'id', 'FeatureType': 'String'}, "
                + "{'FeatureName': 'ts', 'FeatureType': 'Fractional'}, {'FeatureName': 'amount', 'FeatureType': 'Fractional'}]"
                + (online ? ", 'OnlineStoreConfig': {'EnableOnlineStore': true}" : "")
                + (offline ? ", 'OfflineStoreConfig': {'S3StorageConfig': {'S3Uri': 's3://bucket/prefix'}}" : "")
                + ", 'RoleArn': 'arn:aws:iam::123456789012:role/x'" + extra + "}"));
    }
}
