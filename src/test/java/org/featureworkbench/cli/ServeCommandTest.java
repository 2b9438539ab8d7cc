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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(new Cli(Workspace::open, path -> { }).execute(
                new String[] {"--workspace", cli.workspace.toString(), "serve", "--port", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
        serving.start();
        try {
            URI endpoint = awaitEndpoint(out, err);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("aws sagemaker-featurestore-runtime get-record"
                    + " --endpoint-url " + endpoint), out.toString(StandardCharsets.UTF_8));
            HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(endpoint + "/FeatureGroup/customers?RecordIdentifierValueAsString=c1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get.statusCode(), get.body());
            assertTrue(get.body().contains("\"30\""), get.body());
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertEquals(0, exit.get(), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Stopped. Served 1 request (0 errors)."),
                out.toString(StandardCharsets.UTF_8));
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
