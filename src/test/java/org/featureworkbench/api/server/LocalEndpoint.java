package org.featureworkbench.api.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;

/** A real workspace with the customers group and a started server on a free loopback port. */
final class LocalEndpoint implements AutoCloseable {
    final FeatureStore store;
    final RunningApiServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LocalEndpoint(Path workspace) {
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers"));
        server = store.api().start(new ApiServerOptions("127.0.0.1", 0, Optional.empty()));
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.endpoint() + pathAndQuery);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> put(String group, String record) {
        return send("PUT", "/FeatureGroup/" + group, "{\"Record\": " + record + "}");
    }

    static String customer(String id, String time, int age) {
        return "[{\"FeatureName\": \"customer_id\", \"ValueAsString\": \"" + id + "\"},"
                + " {\"FeatureName\": \"event_time\", \"ValueAsString\": \"" + time + "\"},"
                + " {\"FeatureName\": \"age\", \"ValueAsString\": \"" + age + "\"}]";
    }

    @Override
    public void close() {
        store.close();
    }
}
