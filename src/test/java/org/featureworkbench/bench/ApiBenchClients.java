package org.featureworkbench.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.SageMakerFeatureStoreRuntimeClient;

/** The SDK runtime client as an application would build it, on one of the SDK's sync HTTP clients. */
final class ApiBenchClients {
    private ApiBenchClients() {
    }

    static SageMakerFeatureStoreRuntimeClient client(String name, URI endpoint, String keyId, String secret) {
        SdkHttpClient http = switch (name) {
            case "url" -> UrlConnectionHttpClient.create();
            case "apache" -> ApacheHttpClient.builder().maxConnections(16).build();
            case "crt" -> AwsCrtHttpClient.builder().maxConcurrency(16).build();
            default -> throw new IllegalArgumentException("--clients takes url, apache and/or crt, not " + name);
        };
        return SageMakerFeatureStoreRuntimeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(http).build();
    }

    static String label(String name) {
        return switch (name) {
            case "url" -> "url-connection-client";
            case "crt" -> "aws-crt-client";
            default -> "apache-client";
        };
    }
}
