package org.featureworkbench.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BatchWriteRecord and ListRecords through a real client: the AWS SDK for JavaScript v3
 * ({@code @aws-sdk/client-sagemaker-featurestore-runtime} 3.1138.0, pinned in
 * {@code src/test/js/featurestore-runtime/package-lock.json}) runs {@code walkthrough.js} against
 * a server on a fresh workspace; the script checks every response and exits non-zero on a mismatch.
 * The Java SDK served here predates both operations.
 *
 * <p>Needs node 18+ ({@code -Dfwb.node=/path/to/node} when it is not on the PATH). Without node
 * (or npm) the test is skipped and says why; when the SDK is not installed yet it runs
 * {@code npm ci} first ({@code .ci/run} does that before Maven).
 */
class JavaScriptSdkIT {
    static final Path SCRIPT_DIR = Path.of("src", "test", "js", "featurestore-runtime").toAbsolutePath();
    private static final long NODE_TIMEOUT_SECONDS = 120;

    @TempDir
    Path workspace;

    @Test
    void batchWriteListAndGetThroughTheJavaScriptSdk() throws Exception {
        String node = requireTool(System.getProperty("fwb.node", "node"), "--version");
        requireSdkInstalled();

        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(Definitions.customers("customers"));
            store.createFeatureGroup(new FeatureGroupDefinition("orders", "order_id", "ts", List.of(
                    new FeatureDefinition("order_id", FeatureType.INTEGRAL),
                    new FeatureDefinition("ts", FeatureType.FRACTIONAL),
                    new FeatureDefinition("amount", FeatureType.FRACTIONAL)), "", Map.of(),
                    OnlineStoreConfig.ENABLED, OfflineStoreConfig.ENABLED));
            RunningApiServer server = store.api().start(new ApiServerOptions("127.0.0.1", 0, Optional.empty()));
            try {
                Run run = run(List.of(node, "walkthrough.js", server.endpoint().toString()));
                System.out.println("node walkthrough.js (" + node + "):\n" + run.output());

                assertEquals(0, run.exitCode(), "the JavaScript SDK walkthrough failed:\n" + run.output());
                assertTrue(run.output().contains("all checks passed"), run.output());
            } finally {
                store.api().stop();
            }
            // What the SDK wrote is in the store, as the facade sees it.
            // 21 batch-written, c02 soft- and c03 hard-deleted, c22 and c23 written with TTLs.
            assertEquals(21, store.records().listRecords("customers", 100, null, false).recordIdentifiers().size());
            assertEquals(List.of("2", "7", "10"), store.records().listRecords("orders", null, null, false).recordIdentifiers());
        }
    }

    /** The tool's version line; skips the test, saying why, when the tool cannot be run. */
    private static String requireTool(String tool, String versionFlag) throws InterruptedException {
        try {
            Run version = run(List.of(tool, versionFlag));
            Assumptions.assumeTrue(version.exitCode() == 0, () -> skip(tool + " " + versionFlag + " failed: "
                    + version.output()));
            return tool;
        } catch (IOException notInstalled) {
            Assumptions.abort(skip(tool + " is not on the PATH (" + notInstalled.getMessage() + ")"));
            return tool;
        }
    }

    private static String skip(String why) {
        String message = "JavaScriptSdkIT skipped: " + why + "; install node 18+ and npm to run the AWS SDK for"
                + " JavaScript v3 test";
        System.out.println(message);
        return message;
    }

    /** Installs the pinned SDK with npm ci when it is missing (a fresh clone without .ci/run). */
    private static void requireSdkInstalled() throws Exception {
        if (Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@aws-sdk/client-sagemaker-featurestore-runtime"))) {
            return;
        }
        String npm = requireTool("npm", "--version");
        Run install = run(List.of(npm, "ci", "--no-audit", "--no-fund"));
        assertEquals(0, install.exitCode(), "npm ci in " + SCRIPT_DIR + " failed (is the npm registry reachable?);"
                + " run it by hand, then run the test again:\n" + install.output());
    }

    record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("fwb-node", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Run(-1, "timed out after " + NODE_TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
