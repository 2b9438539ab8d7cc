package org.featureworkbench.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.auth.SigV4Authenticator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** What {@code serve --credentials} adds to each request: one SigV4 check of an SDK-signed GetRecord, in-process. */
final class ApiBenchSigV4 {
    private ApiBenchSigV4() {
    }

    /** The headers the SDK's signer adds to a GET of {@code uri} (Host, which it also signs, left to the sender). */
    static Map<String, String> signedHeaders(URI uri, String keyId, String secret) {
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build())
                .payload(ContentStreamProvider.fromUtf8String(""))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sagemaker")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }

    static ApiBenchLoad.Result run(Duration warmUp, Duration measure, String keyId, String secret) throws Exception {
        Instant now = Instant.now();
        URI uri = URI.create("http://127.0.0.1:8787/FeatureGroup/" + BenchRecords.GROUP
                + "?RecordIdentifierValueAsString=customer-1");
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri)
                        .putHeader("amz-sdk-invocation-id", "ea59935c-4982-1f35-68ae-97efcd1b886e")
                        .putHeader("amz-sdk-request", "attempt=1; max=4").build())
                .payload(ContentStreamProvider.fromUtf8String(""))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sagemaker")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC))).request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1:8787"));
        signed.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        ApiRequest request = new ApiRequest("GET", uri.getRawPath(), uri.getRawQuery(), headers, new byte[0],
                new InetSocketAddress("127.0.0.1", 50000));
        SigV4Authenticator check = new SigV4Authenticator(new ApiCredentials(keyId, secret),
                Clock.fixed(now, ZoneOffset.UTC));
        return ApiBenchLoad.run("SigV4 check of one SDK-signed GetRecord (in-process)", 1, warmUp, measure,
                (t, n) -> check.authenticate(request));
    }
}
