package org.featureworkbench.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.SageMakerFeatureStoreRuntimeClient;

/** The SDK runtime client as an application would build it, on either of the SDK's sync HTTP clients. */
final class ApiBenchClients {
    private ApiBenchClients() {
    }

    static SageMakerFeatureStoreRuntimeClient client(String name, URI endpoint, String keyId, String secret) {
        SdkHttpClient http = switch (name) {
            case "url" -> UrlConnectionHttpClient.create();
            case "apache" -> ApacheHttpClient.builder().maxConnections(16).build();
            default -> throw new IllegalArgumentException("--clients takes url and/or apache, not " + name);
        };
        return SageMakerFeatureStoreRuntimeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(http).build();
    }

    static String label(String name) {
        return name.equals("url") ? "url-connection-client" : "apache-client";
    }
}
