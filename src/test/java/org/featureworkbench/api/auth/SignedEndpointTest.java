package org.featureworkbench.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.SageMakerFeatureStoreRuntimeClient;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.AccessForbiddenException;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.FeatureValue;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.GetRecordResponse;

/**
 * A server started with credentials, over real HTTP: the AWS SDK's client signed with the key is
 * served; unsigned, wrongly signed and stale requests get 403 AccessForbidden in AWS's shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedEndpointTest {
    private static final ApiCredentials KEY = new ApiCredentials("AKIAFWBENDPOINTTEST1", "endpoint-secret/0000+key");
    private static final Set<String> ALLOWED_HEADERS_TO_COPY = Set.of("x-amz-date", "x-amz-content-sha256",
            "authorization", "content-type");

    @TempDir
    static Path workspace;
    private FeatureStore store;
    private RunningApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers"));
        server = store.api().start(new ApiServerOptions("127.0.0.1", 0, Optional.of(KEY)));
    }

    @AfterAll
    void stop() {
        store.api().stop();
        store.close();
    }

    @Test
    void theAwsSdkClientWithTheKeyIsServed() {
        try (SageMakerFeatureStoreRuntimeClient client = client(KEY.secretKey())) {
            client.putRecord(r -> r.featureGroupName("customers").record(
                    value("customer_id", "c-1"), value("event_time", "2026-12-04T03:00:00Z"), value("age", "42")));
            GetRecordResponse got = client.getRecord(r -> r.featureGroupName("customers")
                    .recordIdentifierValueAsString("c-1"));
            assertTrue(got.record().contains(value("age", "42")), got.toString());
        }
    }

    @Test
    void theAwsSdkClientWithAnotherSecretGetsAccessForbiddenWithOurMessage() {
        try (SageMakerFeatureStoreRuntimeClient client = client("not-the-secret")) {
            AccessForbiddenException refused = assertThrows(AccessForbiddenException.class,
                    () -> client.getRecord(r -> r.featureGroupName("customers").recordIdentifierValueAsString("c-1")));
            assertEquals(403, refused.statusCode());
            assertTrue(refused.getMessage().contains("signature does not match"), refused.getMessage());
            assertFalse(refused.getMessage().contains(KEY.secretKey()));
        }
    }

    @Test
    void anUnsignedRequestGets403AccessForbiddenInAwsShape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/FeatureGroup/customers"
                + "?RecordIdentifierValueAsString=c-1")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertEquals("AccessForbidden", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(response.body().contains("\"__type\":\"AccessForbidden\""), response.body());
        assertTrue(response.body().contains("not signed"), response.body());
    }

    @Test
    void wronglySignedAndStaleRequestsGet403() throws Exception {
        Instant now = Instant.now();
        HttpResponse<String> wrong = sendSigned("another-secret", now);
        assertEquals(403, wrong.statusCode());
        assertTrue(wrong.body().contains("signature does not match"), wrong.body());
        HttpResponse<String> stale = sendSigned(KEY.secretKey(), now.minus(Duration.ofMinutes(20)));
        assertEquals(403, stale.statusCode());
        assertTrue(stale.body().contains("more than 15 minutes before"), stale.body());
        HttpResponse<String> fresh = sendSigned(KEY.secretKey(), now);
        assertEquals(200, fresh.statusCode(), fresh.body());
    }

    @Test
    void theAwsSdkClientWithTemporaryCredentialsIsToldWhy() {
        try (SageMakerFeatureStoreRuntimeClient client = SageMakerFeatureStoreRuntimeClient.builder()
                .endpointOverride(server.endpoint()).region(Region.EU_WEST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(KEY.accessKeyId(),
                        KEY.secretKey(), "a-session-token")))
                .build()) {
            AccessForbiddenException refused = assertThrows(AccessForbiddenException.class,
                    () -> client.getRecord(r -> r.featureGroupName("customers").recordIdentifierValueAsString("c-1")));
            assertEquals(403, refused.statusCode());
            assertTrue(refused.getMessage().contains("carries a session token"), refused.getMessage());
        }
    }

    @Test
    void aRequestSignedForAnotherServiceGets403SayingSo() throws Exception {
        HttpResponse<String> s3 = sendSigned(KEY.secretKey(), Instant.now(), "s3");
        assertEquals(403, s3.statusCode());
        assertEquals("AccessForbidden", s3.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(s3.body().contains("signed for the service 's3'"), s3.body());
    }

    private HttpResponse<String> sendSigned(String secret, Instant signedAt) throws Exception {
        return sendSigned(secret, signedAt, "sagemaker");
    }

    /** A GetRecord signed by the SDK's signer at {@code signedAt}, sent with the JDK's HTTP client. */
    private HttpResponse<String> sendSigned(String secret, Instant signedAt, String service) throws Exception {
        URI target = uri("/FeatureGroup/customers?RecordIdentifierValueAsString=c-1");
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY.accessKeyId(), secret))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(target).build())
                .payload(ContentStreamProvider.fromUtf8String(""))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
        // The JDK client sets Host itself (to the same value the signer signed).
        signed.forEachHeader((name, values) -> {
            if (ALLOWED_HEADERS_TO_COPY.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(server.endpoint().toString() + pathAndQuery);
    }

    private SageMakerFeatureStoreRuntimeClient client(String secret) {
        return SageMakerFeatureStoreRuntimeClient.builder().endpointOverride(server.endpoint())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(KEY.accessKeyId(), secret)))
                .build();
    }

    private static FeatureValue value(String name, String value) {
        return FeatureValue.builder().featureName(name).valueAsString(value).build();
    }
}
