package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.featureworkbench.cli.CliRunner.Result;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code group update NAME --ttl D | --no-ttl}: UpdateFeatureGroup's TTL from the command line, on a real workspace. */
class GroupUpdateCommandTest {
    private static final String EVENT_TIME = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
        RecordCommandsTest.ok(cli.createCustomers());
    }

    @Test
    void aNewTtlAppliesToRecordsPutAfterItAndOldOnesKeepTheirs() {
        put("before");
        Result updated = RecordCommandsTest.ok(cli.run("group", "update", "customers", "--ttl", "30d"));
        assertEquals("customers: online TTL is now 30 Days; records put from now on expire 30 Days after their"
                + " event time. Records already stored keep their expiry.\n", updated.out());
        put("after");
        assertTrue(RecordCommandsTest.ok(cli.run("group", "list")).out().contains("online (TTL 30 Days)"));
        try (FeatureStore store = Workspace.open(cli.workspace)) {
            assertEquals(Instant.parse(EVENT_TIME).plus(7, ChronoUnit.DAYS), expiry(store, "before"));
            assertEquals(Instant.parse(EVENT_TIME).plus(30, ChronoUnit.DAYS), expiry(store, "after"));
        }
    }

    @Test
    void noTtlRemovesIt() {
        Result removed = RecordCommandsTest.ok(cli.run("group", "update", "customers", "--no-ttl"));
        assertTrue(removed.out().startsWith("customers: online TTL removed;"), removed.out());
        put("forever");
        try (FeatureStore store = Workspace.open(cli.workspace)) {
            assertEquals(null, expiry(store, "forever"));
        }
    }

    @Test
    void badInputIsRefusedSayingHowToFixIt() {
        // usage errors (what to give on the command line): exit 2, with the hint to --help
        assertUsageError(cli.run("group", "update", "customers"), "--ttl DURATION (e.g. --ttl 7d) or --no-ttl");
        assertUsageError(cli.run("group", "update", "customers", "--ttl", "7d", "--no-ttl"), "not both");
        assertUsageError(cli.run("group", "update", "customers", "--ttl", "soon"), "'soon' is not a TTL");
        assertUsageError(cli.run("group", "update", "customers", "--ttl", "0d"), "at least 1");
        // the workspace refuses: exit 1
        assertRefused(cli.run("group", "update", "nobody", "--ttl", "7d"), "'nobody' does not exist");
        RecordCommandsTest.ok(cli.run("group", "create", "--name", "history", "--record-id", "id", "--event-time",
                "ts", "--feature", "id:String", "--feature", "ts:String", "--no-online"));
        assertRefused(cli.run("group", "update", "history", "--ttl", "7d"), "has no online store");
    }

    @Test
    void helpFitsTheHelpWidth() {
        Result help = cli.runRaw("group", "update", "--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("--no-ttl") && help.out().contains("group update customers --ttl 30d"),
                help.out());
        help.out().lines().forEach(line -> assertTrue(line.length() <= 100, "too wide: " + line));
    }

    private void put(String id) {
        RecordCommandsTest.ok(cli.run("put", "customers", "--record={\"customer_id\": \"" + id
                + "\", \"event_time\": \"" + EVENT_TIME + "\", \"age\": 30}"));
    }

    private static Instant expiry(FeatureStore store, String id) {
        OnlineRecord record = store.records().getRecord("customers", id, null).orElseThrow();
        return record.expiresAt();
    }

    private static void assertRefused(Result result, String message) {
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains(message), result.toString());
    }

    private static void assertUsageError(Result result, String message) {
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains(message), result.toString());
        assertTrue(result.err().contains("'feature-workbench group update --help'"), result.toString());
    }
}
