package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.featureworkbench.cli.CliRunner.Result;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordStats;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** put, get, batch-get, delete, flush and compact: the success paths, through the real CLI on a real workspace. */
class RecordCommandsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** 1700000000 = 2023-11-14T22:13:20Z; profiles has no TTL, so these stay readable. */
    private static final String P1 = "{\"id\":\"p1\",\"t\":1700000000,\"age\":41,\"score\":0.5,\"city\":\"Lyon\"}";

    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
        ok(createProfiles(cli));
    }

    /** profiles: String id, Fractional event time t, no TTL, both stores. */
    static Result createProfiles(CliRunner cli) {
        return cli.run("group", "create", "--name", "profiles", "--record-id", "id", "--event-time", "t",
                "--feature", "id:String", "--feature", "t:Fractional", "--feature", "age:Integral",
                "--feature", "score:Fractional", "--feature", "city:String");
    }

    static Result ok(Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    static RecordStats stats(CliRunner cli, String group) {
        try (FeatureStore store = Workspace.open(cli.workspace)) {
            return store.records().stats(group);
        }
    }

    private Result put(String json, String... options) {
        String[] args = new String[3 + options.length];
        args[0] = "put";
        args[1] = "profiles";
        args[2] = "--record=" + json;
        System.arraycopy(options, 0, args, 3, options.length);
        return cli.run(args);
    }

    private JsonNode getJson(String group, String id, String... options) throws Exception {
        String[] args = new String[4 + options.length];
        args[0] = "get";
        args[1] = group;
        args[2] = id;
        args[3] = "--json";
        System.arraycopy(options, 0, args, 4, options.length);
        return MAPPER.readTree(ok(cli.run(args)).out());
    }

    @Test
    void putThenGetReturnsEveryValueInGroupOrder() throws Exception {
        Result put = ok(put(P1));

        Result table = ok(cli.run("get", "profiles", "p1"));
        JsonNode json = getJson("profiles", "p1");

        assertEquals("Put record p1 into profiles: online updated (newer event time); offline queued.\n", put.out());
        assertEquals("""
                FEATURE  VALUE
                id       p1
                t        1700000000
                age      41
                score    0.5
                city     Lyon
                """, table.out());
        assertEquals("[{\"FeatureName\":\"id\",\"ValueAsString\":\"p1\"},{\"FeatureName\":\"t\",\"ValueAsString\":\"1700000000\"},"
                + "{\"FeatureName\":\"age\",\"ValueAsString\":\"41\"},{\"FeatureName\":\"score\",\"ValueAsString\":\"0.5\"},"
                + "{\"FeatureName\":\"city\",\"ValueAsString\":\"Lyon\"}]", json.get("Record").toString());
        assertFalse(json.has("ExpiresAt"), json.toString());
    }

    @Test
    void sageMakerRecordListIsAcceptedAsWell() throws Exception {
        ok(put("[{\"FeatureName\":\"id\",\"ValueAsString\":\"p2\"},{\"FeatureName\":\"t\",\"ValueAsString\":\"1700000000.5\"},"
                + "{\"FeatureName\":\"city\",\"ValueAsString\":\"Nice\"}]"));

        JsonNode json = getJson("profiles", "p2");

        assertEquals("1700000000.5", json.at("/Record/1/ValueAsString").asText());
        assertEquals("Nice", json.at("/Record/2/ValueAsString").asText());
    }

    @Test
    void olderEventTimeLeavesOnlineUnchangedButIsKeptOfflineAsHistory() throws Exception {
        ok(put("{\"id\":\"p1\",\"t\":1700000100,\"city\":\"Paris\"}"));

        Result older = ok(put(P1));
        RecordStats stats = stats(cli, "profiles");

        assertEquals("Put record p1 into profiles: online unchanged (older event time than stored 2023-11-14T22:15:00Z);"
                + " offline queued as history.\n", older.out());
        assertEquals("Paris", getJson("profiles", "p1").at("/Record/2/ValueAsString").asText());
        assertEquals(1, stats.onlineRecords());
        assertEquals(2, stats.offline().rows(), stats.toString());
        assertEquals(0, stats.pendingOffline(), stats.toString());
    }

    @Test
    void equalEventTimeOverwritesTheOnlineRecord() throws Exception {
        ok(put(P1));

        Result again = ok(put("{\"id\":\"p1\",\"t\":1700000000,\"city\":\"Lille\"}"));
        JsonNode json = getJson("profiles", "p1");

        assertTrue(again.out().contains("online overwritten (same event time as stored; the later write wins)"), again.out());
        assertEquals("Lille", json.at("/Record/2/ValueAsString").asText());
        assertEquals(3, json.get("Record").size(), "a put is a full overwrite: age and score are gone: " + json);
    }

    @Test
    void targetOfflineOnlyQueuesForTheOfflineStoreAndLeavesOnlineEmpty() {
        Result put = ok(put(P1, "--target", "offline"));

        Result get = ok(cli.run("get", "profiles", "p1"));
        RecordStats stats = stats(cli, "profiles");

        assertEquals("Put record p1 into profiles: online not a target; offline queued.\n", put.out());
        assertEquals("No record 'p1' in profiles (never written, deleted, or expired).\n", get.out());
        assertEquals(0, stats.onlineRecords());
        assertEquals(1, stats.offline().rows());
    }

    @Test
    void recordTtlWithAnEventTimeInThePastMakesTheRecordInvisibleAtOnce() throws Exception {
        Result put = ok(put(P1, "--ttl", "1h"));

        Result get = ok(cli.run("get", "profiles", "p1"));

        assertTrue(put.out().contains("It has already expired (event time + TTL = 2023-11-14T23:13:20Z is in the past)"),
                put.out());
        assertEquals("No record 'p1' in profiles (never written, deleted, or expired).\n", get.out());
        assertEquals("{}", getJson("profiles", "p1").toString());
    }

    @Test
    void withExpiryShowsEventTimeAndExpiresAtFromTheGroupTtl() throws Exception {
        ok(cli.createCustomers());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ok(cli.run("put", "customers", "--record", "{\"customer_id\":\"c1\",\"event_time\":\"" + now + "\",\"age\":30}"));

        Result table = ok(cli.run("get", "customers", "c1", "--with-expiry"));
        JsonNode json = getJson("customers", "c1", "--with-expiry");
        JsonNode without = getJson("customers", "c1");

        Instant expires = now.plus(7, ChronoUnit.DAYS);
        assertTrue(table.out().contains("Event time  " + now + "\nExpires at  " + expires + "\n"), table.out());
        assertEquals(expires.toString(), json.get("ExpiresAt").asText());
        assertFalse(without.has("ExpiresAt"), without.toString());
    }

    @Test
    void featureOptionsProjectTheRecordInTheOrderGiven() throws Exception {
        ok(put(P1));

        JsonNode json = getJson("profiles", "p1", "--feature", "city", "--feature", "age");

        assertEquals("[{\"FeatureName\":\"city\",\"ValueAsString\":\"Lyon\"},{\"FeatureName\":\"age\",\"ValueAsString\":\"41\"}]",
                json.get("Record").toString());
    }

    @Test
    void missingRecordIsAnEmptyResultNotAnError() throws Exception {
        Result get = ok(cli.run("get", "profiles", "nobody"));

        assertEquals("No record 'nobody' in profiles (never written, deleted, or expired).\n", get.out());
        assertEquals("", get.err());
        assertEquals("{}", getJson("profiles", "nobody").toString());
    }

    @Test
    void batchGetReportsFoundRecordsMissingIdsAndUnknownGroupsPerId() throws Exception {
        ok(put(P1));

        JsonNode json = MAPPER.readTree(ok(cli.run("batch-get", "profiles:p1,nobody", "ghosts:g1", "--json")).out());
        Result text = ok(cli.run("batch-get", "profiles:p1,nobody", "ghosts:g1"));

        assertEquals(1, json.get("Records").size(), json.toString());
        assertEquals("profiles", json.at("/Records/0/FeatureGroupName").asText());
        assertEquals("p1", json.at("/Records/0/RecordIdentifierValueAsString").asText());
        assertEquals("Lyon", json.at("/Records/0/Record/4/ValueAsString").asText());
        assertEquals(1, json.get("Errors").size(), json.toString());
        assertEquals("ghosts", json.at("/Errors/0/FeatureGroupName").asText());
        assertEquals("g1", json.at("/Errors/0/RecordIdentifierValueAsString").asText());
        assertEquals("ResourceNotFound", json.at("/Errors/0/ErrorCode").asText());
        assertTrue(json.at("/Errors/0/ErrorMessage").asText().contains("'ghosts' does not exist"), json.toString());
        assertEquals(0, json.get("UnprocessedIdentifiers").size());
        assertTrue(text.out().startsWith("profiles:p1\n  FEATURE  VALUE\n  id       p1\n"), text.out());
        assertTrue(text.out().contains("Not found (never written, deleted, or expired): profiles:nobody\n"), text.out());
        assertTrue(text.out().contains("Error for ghosts:g1: ResourceNotFound: "), text.out());
    }

    @Test
    void softDeleteHidesTheRecordAndAppendsADeleteMarkerOffline() {
        ok(put(P1));

        Result delete = ok(cli.run("delete", "profiles", "p1", "--event-time", "1700000001"));
        Result get = ok(cli.run("get", "profiles", "p1"));
        RecordStats stats = stats(cli, "profiles");

        assertEquals("Soft-deleted record p1 in profiles: no longer readable online;"
                + " delete marker queued for the offline store.\n", delete.out());
        assertTrue(get.out().startsWith("No record 'p1'"), get.out());
        assertEquals(0, stats.onlineRecords());
        assertEquals(2, stats.offline().rows(), "the put and the delete marker");
    }

    @Test
    void softDeleteOlderThanTheRecordLeavesItReadableAndSaysWhy() {
        ok(put(P1));

        Result delete = ok(cli.run("delete", "profiles", "p1", "--event-time", "2023-11-01T00:00:00Z"));

        assertTrue(delete.out().contains("still readable online, its stored event time 2023-11-14T22:13:20Z is later"
                + " than the delete's"), delete.out());
        assertTrue(ok(cli.run("get", "profiles", "p1")).out().contains("Lyon"));
    }

    @Test
    void hardDeleteRemovesTheOnlineRow() {
        ok(put(P1));

        Result delete = ok(cli.run("delete", "profiles", "p1", "--event-time", "2023-11-15T00:00:00Z", "--hard"));

        assertEquals("Hard-deleted record p1 in profiles: removed from the online store;"
                + " delete marker queued for the offline store.\n", delete.out());
        assertTrue(ok(cli.run("get", "profiles", "p1")).out().startsWith("No record"));
    }

    @Test
    void hardDeleteWithAnOlderEventTimeFailsAndChangesNothing() {
        ok(put(P1));
        RecordStats before = stats(cli, "profiles");

        Result delete = cli.run("delete", "profiles", "p1", "--event-time", "1699999999", "--hard");

        assertEquals(1, delete.exitCode(), delete.toString());
        assertEquals("error: --event-time: a hard delete needs an event time later than the stored record's;"
                + " record 'p1' in 'profiles' has event time 2023-11-14T22:13:20Z and the delete has"
                + " 2023-11-14T22:13:19Z\n", delete.err());
        assertTrue(ok(cli.run("get", "profiles", "p1")).out().contains("Lyon"));
        assertEquals(before.offline().rows(), stats(cli, "profiles").offline().rows(), "no delete marker either");
    }

    @Test
    void recordFilePutsEveryLineSkippingBlankOnesAndSummarises() throws Exception {
        Path file = cli.file("records.jsonl", P1 + "\n\n"
                + "{\"id\":\"p2\",\"t\":1700000000,\"city\":\"Nice\"}\n"
                + "{\"id\":\"p1\",\"t\":1600000000,\"city\":\"Old\"}\n");

        Result put = ok(cli.run("put", "profiles", "--record-file", file.toString()));

        assertEquals("Put 3 records into profiles (online: 2 newer, 1 older ignored; offline: 3 queued).\n", put.out());
        assertEquals("Lyon", getJson("profiles", "p1").at("/Record/4/ValueAsString").asText());
        assertEquals("Nice", getJson("profiles", "p2").at("/Record/2/ValueAsString").asText());
        assertEquals(3, stats(cli, "profiles").offline().rows());
    }

    @Test
    void flushAfterACommandSaysNothingWasWaitingBecauseClosingTheStoreFlushes() {
        ok(put(P1));

        Result flushGroup = ok(cli.run("flush", "profiles"));
        Result flushAll = ok(cli.run("flush"));

        assertEquals("Nothing to flush for profiles: no rows were waiting for the offline store.\n", flushGroup.out());
        assertEquals("Nothing to flush: no rows were waiting for the offline store.\n", flushAll.out());
        assertEquals(1, stats(cli, "profiles").offline().rows());
    }

    @Test
    void compactMergesAPartitionsFilesIntoOne() {
        ok(put(P1));
        ok(put("{\"id\":\"p2\",\"t\":1700000001}"));
        assertEquals(2, stats(cli, "profiles").offline().files(), "one file per command, same hour partition");

        Result compact = ok(cli.run("compact", "profiles"));

        assertTrue(compact.out().startsWith("Compacted profiles: 1 file in 1 partition, 2 rows, "), compact.out());
        assertEquals(1, stats(cli, "profiles").offline().files());
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"put", "get", "batch-get", "delete", "flush", "compact"})
    void everyRecordCommandHasHelp(String command) {
        Result result = ok(cli.run(command, "--help"));

        assertTrue(result.out().startsWith("Usage: feature-workbench " + command), result.out());
    }
}
