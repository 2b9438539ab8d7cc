package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in-process: it prints its endpoint, answers a GetRecord there, and reports its traffic when stopped. */
class ServeCommandTest {
    private static final Pattern ENDPOINT = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+) ");

    @TempDir
    Path tempDir;

    @Test
    void serveAnswersAtThePrintedEndpointUntilStopped() throws Exception {
        CliRunner cli = new CliRunner(tempDir);
        RecordCommandsTest.ok(cli.createCustomers());
        RecordCommandsTest.ok(cli.run("put", "customers", "--record={\"customer_id\": \"c1\", \"event_time\": \""
                + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\", \"age\": 30}"));
        Serving serving = Serving.start(cli);
        try {
            assertTrue(serving.out().contains("aws sagemaker-featurestore-runtime get-record"
                    + " --endpoint-url " + serving.endpoint), serving.out());
            HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(serving.endpoint + "/FeatureGroup/customers?RecordIdentifierValueAsString=c1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get.statusCode(), get.body());
            assertTrue(get.body().contains("\"30\""), get.body());
        } finally {
            serving.stop();
        }
        assertTrue(serving.out().contains("Stopped. Served 1 request (0 errors)."), serving.out());
    }

    @Test
    void cloudOnlySettingsOfACreateAreWarnedAboutOnTheConsoleNotOnTheWire() throws Exception {
        Serving serving = Serving.start(new CliRunner(tempDir));
        HttpResponse<String> cloudy;
        HttpResponse<String> plain;
        try {
            cloudy = createGroup(serving.endpoint, "orders", ", \"OnlineStoreConfig\": {\"EnableOnlineStore\": true, "
                    + "\"StorageType\": \"InMemory\"}, \"OfflineStoreConfig\": {\"S3StorageConfig\": {\"S3Uri\": "
                    + "\"s3://bucket/fs\"}, \"TableFormat\": \"Iceberg\"}, \"ThroughputConfig\": {\"ThroughputMode\": "
                    + "\"OnDemand\"}, \"RoleArn\": \"arn:aws:iam::123456789012:role/fs\"");
            plain = createGroup(serving.endpoint, "clicks", ", \"OnlineStoreConfig\": {\"EnableOnlineStore\": true}");
        } finally {
            serving.stop();
        }
        // AWS has no warning channel: the response is SageMaker's, whatever was ignored.
        assertEquals(200, cloudy.statusCode(), cloudy.body());
        assertEquals("{\"FeatureGroupArn\":\"arn:aws:sagemaker:local:000000000000:feature-group/orders\"}",
                cloudy.body());
        assertEquals(200, plain.statusCode(), plain.body());
        assertEquals(List.of("warning: CreateFeatureGroup 'orders': OnlineStoreConfig.StorageType, "
                        + "OfflineStoreConfig.S3StorageConfig, OfflineStoreConfig.TableFormat, ThroughputConfig, RoleArn: "
                        + "cloud-only, ignored by the local store"),
                serving.err().lines().filter(l -> l.startsWith("warning:")).toList(), serving.err());
    }

    private static HttpResponse<String> createGroup(URI endpoint, String name, String more) throws Exception {
        String body = "{\"FeatureGroupName\": \"" + name + "\", \"RecordIdentifierFeatureName\": \"id\", "
                + "\"EventTimeFeatureName\": \"ts\", \"FeatureDefinitions\": [{\"FeatureName\": \"id\", "
                + "\"FeatureType\": \"String\"}, {\"FeatureName\": \"ts\", \"FeatureType\": \"Fractional\"}]" + more + "}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .header("X-Amz-Target", "SageMaker.CreateFeatureGroup")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNetworkHostWithoutCredentialsIsRefusedBeforeTheWorkspaceOpens() {
        CliRunner.Result result = new CliRunner(tempDir).run("serve", "--host", "0.0.0.0", "--port", "0");
        assertEquals(false, result.exitCode() == 0, result.toString());
        assertTrue(result.err().contains("--credentials"), result.toString());
    }

    @Test
    void malformedCredentialsAreRefused() {
        CliRunner.Result result = new CliRunner(tempDir).run("serve", "--port", "0", "--credentials", "no-colon");
        assertTrue(result.exitCode() != 0 && result.err().contains("ACCESS_KEY:SECRET"), result.toString());
    }

    /** {@code serve --port 0} running in-process on its own thread, with its console captured. */
    private record Serving(Thread thread, URI endpoint, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr,
                           AtomicInteger exit) {
        static Serving start(CliRunner cli) throws InterruptedException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AtomicInteger exit = new AtomicInteger(-1);
            Thread serving = new Thread(() -> exit.set(new Cli(Workspace::open, path -> { }).execute(
                    new String[] {"--workspace", cli.workspace.toString(), "serve", "--port", "0"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
            serving.start();
            return new Serving(serving, awaitEndpoint(out, err), out, err, exit);
        }

        String out() {
            return stdout.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return stderr.toString(StandardCharsets.UTF_8);
        }

        /** Stops it as Ctrl+C would, and checks that it ended well. */
        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertEquals(0, exit.get(), err());
        }
    }

    private static URI awaitEndpoint(ByteArrayOutputStream out, ByteArrayOutputStream err) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = ENDPOINT.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no endpoint; out: " + out + " err: " + err);
    }
}
