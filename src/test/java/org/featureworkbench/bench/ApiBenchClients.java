package org.featureworkbench.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.SageMakerFeatureStoreRuntimeClient;

/**
 * The SDK runtime client as an application would build it, on one of the SDK's sync HTTP clients,
 * and the tuned variants a user pointing an SDK at the local endpoint could reasonably choose
 * (ADR 0021, third addendum), each one setting apart so its effect is measured alone:
 * <ul>
 *   <li>{@code apache-unsigned}: {@link AnonymousCredentialsProvider}, which the SDK takes as "do
 *       not sign" (no Authorization, X-Amz-Date or x-amz-content-sha256 header); only for a
 *       server started without credentials, which accepts unsigned requests;</li>
 *   <li>{@code apache-noreaper}: the apache client without its idle-connection reaper thread;</li>
 *   <li>{@code apache-tuned}: both.</li>
 * </ul>
 */
final class ApiBenchClients {
    private ApiBenchClients() {
    }

    static SageMakerFeatureStoreRuntimeClient client(String name, URI endpoint, String keyId, String secret) {
        SdkHttpClient http = switch (name) {
            case "url" -> UrlConnectionHttpClient.create();
            case "apache", "apache-unsigned" -> ApacheHttpClient.builder().maxConnections(16).build();
            case "apache-noreaper", "apache-tuned" -> ApacheHttpClient.builder().maxConnections(16)
                    .useIdleConnectionReaper(false).build();
            case "crt" -> AwsCrtHttpClient.builder().maxConcurrency(16).build();
            default -> throw new IllegalArgumentException("--clients takes url, apache, apache-unsigned,"
                    + " apache-noreaper, apache-tuned and/or crt, not " + name);
        };
        AwsCredentialsProvider credentials = unsigned(name) ? AnonymousCredentialsProvider.create()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
        return SageMakerFeatureStoreRuntimeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http).build();
    }

    /** Whether the client sends unsigned requests (which a server with credentials refuses). */
    static boolean unsigned(String name) {
        return name.equals("apache-unsigned") || name.equals("apache-tuned");
    }

    static String label(String name) {
        return switch (name) {
            case "url" -> "url-connection-client";
            case "crt" -> "aws-crt-client";
            case "apache-unsigned" -> "apache-client, unsigned (AnonymousCredentialsProvider)";
            case "apache-noreaper" -> "apache-client, no idle-connection reaper";
            case "apache-tuned" -> "apache-client, unsigned, no reaper";
            default -> "apache-client";
        };
    }
}
