package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.SageMakerFeatureStoreRuntimeClient;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.FeatureValue;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.GetRecordResponse;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.SageMakerFeatureStoreRuntimeException;

/**
 * The fastest local client setting the README recommends (ADR 0021, third addendum): the AWS SDK
 * for Java with {@link AnonymousCredentialsProvider} sends unsigned requests, which a server
 * started without credentials serves, and one started with credentials refuses with
 * AccessForbidden (so the SDK really skips signing, and the setting cannot weaken a server that
 * asks for signatures).
 */
class UnsignedSdkClientIT {

    @Test
    void aServerWithoutCredentialsServesTheUnsignedSdkClient(@TempDir Path workspace) {
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(Definitions.customers("customers"));
            RunningApiServer server = store.api().start(new ApiServerOptions("127.0.0.1", 0, Optional.empty()));
            // the group keeps records 7 days: an event time of now keeps this one readable
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            try (SageMakerFeatureStoreRuntimeClient client = unsignedClient(server)) {
                client.putRecord(r -> r.featureGroupName("customers").record(List.of(
                        value("customer_id", "c-1"), value("event_time", now), value("age", "41"))));
                GetRecordResponse got = client.getRecord(r -> r.featureGroupName("customers")
                        .recordIdentifierValueAsString("c-1"));
                assertEquals(List.of(value("customer_id", "c-1"), value("event_time", now),
                        value("age", "41")), got.record());
            } finally {
                store.api().stop();
            }
        }
    }

    @Test
    void aServerWithCredentialsRefusesTheUnsignedSdkClient(@TempDir Path workspace) {
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(Definitions.customers("customers"));
            RunningApiServer server = store.api().start(new ApiServerOptions("127.0.0.1", 0,
                    Optional.of(new ApiCredentials("AKIALOCAL0000000", "local-secret"))));
            try (SageMakerFeatureStoreRuntimeClient client = unsignedClient(server)) {
                SageMakerFeatureStoreRuntimeException refused = assertThrows(
                        SageMakerFeatureStoreRuntimeException.class, () -> client.getRecord(r -> r
                                .featureGroupName("customers").recordIdentifierValueAsString("c-1")));
                assertEquals(403, refused.statusCode());
                assertTrue(refused.getMessage().contains("--credentials"), refused.getMessage());
                assertEquals(1, server.traffic().errors());
            } finally {
                store.api().stop();
            }
        }
    }

    private static SageMakerFeatureStoreRuntimeClient unsignedClient(RunningApiServer server) {
        return SageMakerFeatureStoreRuntimeClient.builder().endpointOverride(server.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(ApacheHttpClient.create()).build();
    }

    private static FeatureValue value(String name, String value) {
        return FeatureValue.builder().featureName(name).valueAsString(value).build();
    }
}
