package org.featureworkbench.api.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Requests signed by the real AWS SDK for Java v2 signer ({@code AwsV4HttpSigner}, the one its
 * SageMaker clients use) are accepted; the same requests changed after signing, signed with
 * another secret or key, or signed too long ago are refused with 403 AccessForbidden.
 */
class SigV4AwsSdkSignerTest {
    private static final String KEY_ID = "AKIAFWBLOCALTEST1234";
    private static final String SECRET = "s3cr3t/Local+Workbench/Key0000000000000";
    private static final Instant SIGNED_AT = Instant.parse("2026-12-04T03:00:00Z");
    private static final String PUT_BODY = "{\"Record\":[{\"FeatureName\":\"customer_id\",\"ValueAsString\":\"c-1\"},"
            + "{\"FeatureName\":\"event_time\",\"ValueAsString\":\"2026-12-04T03:00:00Z\"}]}";

    private final SigV4Authenticator authenticator = authenticatorAt(SIGNED_AT.plusSeconds(30));

    @Test
    void aPutRecordSignedByTheSdkIsAccepted() {
        assertDoesNotThrow(() -> authenticator.authenticate(putRecord(SECRET, r -> { })));
    }

    @Test
    void aGetRecordWithAnEncodedQueryIsAccepted() {
        ApiRequest get = sdkSigned(SdkHttpMethod.GET, "/FeatureGroup/customers",
                "RecordIdentifierValueAsString=c%201%2B%2F%C3%A9&FeatureName=age&FeatureName=city", "", SECRET,
                r -> { });
        assertDoesNotThrow(() -> authenticator.authenticate(get));
    }

    @Test
    void aGroupArnInThePathIsSignedEncodedTwiceAndAccepted() {
        ApiRequest get = sdkSigned(SdkHttpMethod.GET, "/FeatureGroup/arn%3Aaws%3Asagemaker%3Aus-east-1%3A123456789012"
                + "%3Afeature-group%2Fcustomers", "RecordIdentifierValueAsString=c1", "", SECRET, r -> { });
        assertTrue(SigV4Authenticator.canonicalRequests(get).get(0).contains("/FeatureGroup/arn%253Aaws%253A"));
        assertDoesNotThrow(() -> authenticator.authenticate(get));
    }

    @Test
    void aControlPlaneCallIsAccepted() {
        ApiRequest describe = sdkSigned(SdkHttpMethod.POST, "/", "", "{\"FeatureGroupName\":\"customers\"}", SECRET,
                r -> { }, "X-Amz-Target", "SageMaker.DescribeFeatureGroup",
                "Content-Type", "application/x-amz-json-1.1");
        assertDoesNotThrow(() -> authenticator.authenticate(describe));
    }

    @Test
    void aPresignedUrlIsAcceptedUntilItExpires() {
        Consumer<SignRequest.Builder<AwsCredentialsIdentity>> presign = r -> r
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5));
        ApiRequest get = sdkSigned(SdkHttpMethod.GET, "/FeatureGroup/customers", "RecordIdentifierValueAsString=c1",
                "", SECRET, presign);
        assertTrue(get.rawQuery().contains("X-Amz-Signature="));
        assertDoesNotThrow(() -> authenticator.authenticate(get));
        ApiException expired = assertThrows(ApiException.class,
                () -> authenticatorAt(SIGNED_AT.plusSeconds(301)).authenticate(get));
        assertTrue(expired.getMessage().contains("presigned URL expired"), expired.getMessage());
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        // The SDK signs x-amz-content-sha256, the body's hash: a changed body no longer has it.
        ApiRequest signed = putRecord(SECRET, r -> { });
        byte[] tampered = PUT_BODY.replace("c-1", "c-2").getBytes(StandardCharsets.UTF_8);
        ApiException refused = refused(new ApiRequest(signed.method(), signed.rawPath(), signed.rawQuery(),
                signed.headers(), tampered, signed.remote()));
        assertTrue(refused.getMessage().contains("x-amz-content-sha256"), refused.getMessage());
    }

    @Test
    void aBodyChangedTogetherWithItsHashHeaderIsRefused() {
        ApiRequest signed = putRecord(SECRET, r -> { });
        byte[] tampered = PUT_BODY.replace("c-1", "c-2").getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.put("x-amz-content-sha256", List.of(SigningKeys.sha256Hex(tampered)));
        ApiException refused = refused(new ApiRequest(signed.method(), signed.rawPath(), signed.rawQuery(), headers,
                tampered, signed.remote()));
        assertTrue(refused.getMessage().contains("signature does not match"), refused.getMessage());
    }

    @Test
    void aSignedHeaderRemovedOnTheWayIsRefused() {
        ApiRequest signed = putRecord(SECRET, r -> { });
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.remove("x-amz-content-sha256");
        ApiException refused = refused(new ApiRequest(signed.method(), signed.rawPath(), signed.rawQuery(), headers,
                signed.body(), signed.remote()));
        assertTrue(refused.getMessage().contains("'x-amz-content-sha256' is listed in SignedHeaders"),
                refused.getMessage());
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefusedWithoutShowingTheSecret() {
        ApiException refused = refused(putRecord("another-secret-0000000000000000000000000", r -> { }));
        assertTrue(refused.getMessage().contains("secret key differs"), refused.getMessage());
        assertTrue(refused.getMessage().contains("access key 'AKIA…'"), refused.getMessage());
        assertFalse(refused.getMessage().contains(SECRET));
        assertFalse(refused.getMessage().contains(KEY_ID));
    }

    @Test
    void aRequestSignedWithAnotherKeyIdIsRefusedNamingIt() {
        ApiRequest other = sdkSigned(SdkHttpMethod.PUT, "/FeatureGroup/customers", "", PUT_BODY, SECRET, r -> r
                .identity(AwsCredentialsIdentity.create("AKIAOTHERKEY", SECRET)));
        ApiException refused = refused(other);
        assertTrue(refused.getMessage().contains("access key 'AKIAOTHERKEY'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--credentials"), refused.getMessage());
    }

    @Test
    void aRequestSignedMoreThanFifteenMinutesAgoOrAheadIsRefused() {
        ApiRequest put = putRecord(SECRET, r -> { });
        assertDoesNotThrow(() -> authenticatorAt(SIGNED_AT.plus(Duration.ofMinutes(14))).authenticate(put));
        ApiException old = assertThrows(ApiException.class,
                () -> authenticatorAt(SIGNED_AT.plus(Duration.ofMinutes(16))).authenticate(put));
        assertEquals("AccessForbidden", old.code());
        assertTrue(old.getMessage().contains("more than 15 minutes before"), old.getMessage());
        ApiException ahead = assertThrows(ApiException.class,
                () -> authenticatorAt(SIGNED_AT.minus(Duration.ofMinutes(16))).authenticate(put));
        assertTrue(ahead.getMessage().contains("check the client's clock"), ahead.getMessage());
    }

    @Test
    void unsignedAndGarbledRequestsAreRefusedSayingWhy() {
        ApiRequest signed = putRecord(SECRET, r -> { });
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.remove("authorization");
        ApiException unsigned = refused(new ApiRequest("PUT", signed.rawPath(), "", headers, signed.body(),
                signed.remote()));
        assertTrue(unsigned.getMessage().contains("not signed"), unsigned.getMessage());
        for (String garbled : List.of("AWS AKIAFWBLOCALTEST1234:abc", "AWS4-HMAC-SHA256 Credential=AKIAFWBLOCALTEST1234",
                "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=00", "Bearer token")) {
            headers.put("authorization", List.of(garbled));
            ApiException refused = refused(new ApiRequest("PUT", signed.rawPath(), "", headers, signed.body(),
                    signed.remote()));
            assertTrue(refused.getMessage().contains("cannot be read"), garbled + " -> " + refused.getMessage());
        }
    }

    @Test
    void theScopeMustNameSageMakerAndARegionButAnyRegionWillDo() {
        assertDoesNotThrow(() -> authenticator.authenticate(putRecord(SECRET,
                r -> r.putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-3"))));
        assertDoesNotThrow(() -> authenticator.authenticate(putRecord(SECRET,
                r -> r.putProperty(AwsV4HttpSigner.REGION_NAME, "local"))));
        ApiException s3 = refused(putRecord(SECRET, r -> r.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")));
        assertTrue(s3.getMessage().contains("signed for the service 's3'")
                && s3.getMessage().contains("'sagemaker'"), s3.getMessage());
        ApiException regionSet = refused(putRecord(SECRET, r -> r.putProperty(AwsV4HttpSigner.REGION_NAME, "*")));
        assertTrue(regionSet.getMessage().contains("region '*'"), regionSet.getMessage());
        refused(putRecord(SECRET, r -> r.putProperty(AwsV4HttpSigner.REGION_NAME, "US_EAST_1")));
    }

    @Test
    void aSessionTokenIsRefusedByALongTermKeyAndMustMatchAConfiguredOne() {
        ApiRequest withToken = putRecord(SECRET, r -> r.identity(
                AwsSessionCredentialsIdentity.create(KEY_ID, SECRET, "token-from-sts")));
        assertTrue(withToken.header("x-amz-security-token").isPresent(), "the SDK sends the token");
        ApiException longTerm = refused(withToken);
        assertTrue(longTerm.getMessage().contains("session token") && longTerm.getMessage().contains("AWS_SESSION_TOKEN"),
                longTerm.getMessage());

        SigV4Authenticator temporary = new SigV4Authenticator(new ApiCredentials(KEY_ID, SECRET,
                Optional.of("token-from-sts")), Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        assertDoesNotThrow(() -> temporary.authenticate(withToken));
        ApiRequest otherToken = putRecord(SECRET, r -> r.identity(
                AwsSessionCredentialsIdentity.create(KEY_ID, SECRET, "refreshed-token")));
        ApiException stale = assertThrows(ApiException.class, () -> temporary.authenticate(otherToken));
        assertTrue(stale.getMessage().contains("not the one of the profile"), stale.getMessage());
        ApiException none = assertThrows(ApiException.class, () -> temporary.authenticate(putRecord(SECRET, r -> { })));
        assertTrue(none.getMessage().contains("carries no session token"), none.getMessage());
    }

    @Test
    void anUnknownKeyWithASessionTokenIsNamedAsTemporaryCredentials() {
        ApiRequest sso = putRecord(SECRET, r -> r.identity(
                AwsSessionCredentialsIdentity.create("ASIAFWBTEMPORARY0001", SECRET, "sso-token")));
        ApiException refused = refused(sso);
        assertTrue(refused.getMessage().contains("'ASIAFWBTEMPORARY0001'")
                && refused.getMessage().contains("temporary credentials"), refused.getMessage());
    }

    private ApiException refused(ApiRequest request) {
        ApiException refused = assertThrows(ApiException.class, () -> authenticator.authenticate(request));
        assertEquals(403, refused.status());
        assertEquals("AccessForbidden", refused.code());
        return refused;
    }

    private static SigV4Authenticator authenticatorAt(Instant now) {
        return new SigV4Authenticator(new ApiCredentials(KEY_ID, SECRET), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ApiRequest putRecord(String secret, Consumer<SignRequest.Builder<AwsCredentialsIdentity>> extra) {
        return sdkSigned(SdkHttpMethod.PUT, "/FeatureGroup/customers", "", PUT_BODY, secret, extra,
                "Content-Type", "application/json");
    }

    /** Signs with the SDK's signer, then turns the signed request into what our HTTP server hands over. */
    private static ApiRequest sdkSigned(SdkHttpMethod method, String path, String query, String body, String secret,
            Consumer<SignRequest.Builder<AwsCredentialsIdentity>> extra, String... headerPairs) {
        SdkHttpRequest.Builder http = SdkHttpRequest.builder().method(method)
                .uri(URI.create("http://127.0.0.1:8787" + path + (query.isEmpty() ? "" : "?" + query)));
        for (int i = 0; i < headerPairs.length; i += 2) {
            http.putHeader(headerPairs[i], headerPairs[i + 1]);
        }
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(KEY_ID, secret)).request(http.build())
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sagemaker")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
            extra.accept(r);
        }).request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        // The HTTP client adds Host from the URI when the signer did not.
        headers.put("host", List.of("127.0.0.1:8787"));
        signed.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        URI uri = signed.getUri();
        return new ApiRequest(method.name(), uri.getRawPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                headers, body.getBytes(StandardCharsets.UTF_8), new InetSocketAddress("127.0.0.1", 50000));
    }
}
