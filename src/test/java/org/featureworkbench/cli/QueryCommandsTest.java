package org.featureworkbench.cli;

import static org.featureworkbench.cli.RecordCommandsTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** query, history and export through the real CLI on a real workspace: output formats and bad input. */
class QueryCommandsTest {
    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
        ok(RecordCommandsTest.createProfiles(cli));
        ok(cli.run("put", "profiles", "--record={\"id\":\"p1\",\"t\":1700000000,\"age\":41,\"city\":\"Lyon\"}"));
        ok(cli.run("put", "profiles", "--record={\"id\":\"p1\",\"t\":1700000100,\"age\":42,\"city\":\"Nice, FR\"}"));
        ok(cli.run("put", "profiles", "--record={\"id\":\"p2\",\"t\":1700000000,\"age\":30,\"city\":\"Paris\"}"));
    }

    @Test
    void queryPrintsATableCsvOrJson() throws Exception {
        Result table = ok(cli.run("query", "SELECT id, age FROM profiles_latest ORDER BY id"));
        List<String> lines = table.out().lines().toList();
        assertEquals(List.of("id  age", "--  ---", "p1  42", "p2  30"), lines);
        Result csv = ok(cli.run("query", "SELECT id, city FROM profiles ORDER BY t, id", "--format", "csv"));
        assertEquals(List.of("id,city", "p1,Lyon", "p2,Paris", "p1,\"Nice, FR\""), csv.out().lines().toList());
        Result json = ok(cli.run("query", "SELECT id, age, score FROM profiles_latest ORDER BY id", "--format=json"));
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertEquals(2, rows.size());
        assertEquals(42, rows.get(0).get("age").asInt());
        assertTrue(rows.get(0).get("score").isNull());
        // Fractional event times in plain digits, as `get` prints them, never "1.7E9".
        Result times = ok(cli.run("query", "SELECT DISTINCT t FROM profiles ORDER BY t"));
        assertEquals(List.of("t", "----------", "1700000000", "1700000100"), times.out().lines().toList());
        Result timesCsv = ok(cli.run("query", "SELECT max(t) AS t FROM profiles", "--format", "csv"));
        assertEquals(List.of("t", "1700000100"), timesCsv.out().lines().toList());
        Result limited = ok(cli.run("query", "SELECT * FROM profiles", "--limit", "1", "--format", "csv"));
        assertEquals(2, limited.out().lines().count());
    }

    @Test
    void historyShowsEveryVersionOldestFirst() {
        Result history = ok(cli.run("history", "profiles", "p1"));
        List<String> lines = history.out().lines().toList();
        assertEquals(4, lines.size(), history.out());
        assertTrue(lines.get(2).contains("Lyon") && lines.get(3).contains("Nice, FR"), history.out());
        Result none = ok(cli.run("history", "profiles", "nobody"));
        assertTrue(none.out().contains("No versions of record nobody"), none.out());
        assertFalse(history.out().contains("is deleted"), history.out());

        ok(cli.run("delete", "profiles", "p2", "--event-time", "1700000200"));
        Result deleted = ok(cli.run("history", "profiles", "p2"));
        assertTrue(deleted.out().contains("Paris"), deleted.out());
        assertTrue(deleted.out().contains("Record p2 is deleted: its newest version is a delete marker"), deleted.out());
    }

    @Test
    void historyAsOfBeforeTheRecordWasWrittenSaysWhenItWas() {
        // Event times of 2023, written now: as of 2024 the store did not have them yet.
        Result before = ok(cli.run("history", "profiles", "p1", "--as-of", "2024-01-01T00:00:00Z"));
        assertTrue(before.out().contains("No versions of record p1 in the offline store of profiles as of "
                + "2024-01-01T00:00:00Z (--as-of reads by write time: the store first got this record at "), before.out());
        String firstWrite = before.out().replaceAll("(?s).*first got this record at (\\S+);.*", "$1");
        Result then = ok(cli.run("history", "profiles", "p1", "--as-of", firstWrite));
        assertTrue(then.out().contains("Lyon"), "the time it names shows the record: " + then.out());
        Result nobody = ok(cli.run("history", "profiles", "nobody", "--as-of", "2024-01-01T00:00:00Z"));
        assertTrue(nobody.out().contains("as of 2024-01-01T00:00:00Z."), "no hint for a record never written: " + nobody.out());
    }

    @Test
    void exportWritesUnderExportsByDefaultAndWhereAsked() throws Exception {
        Result latest = ok(cli.run("export", "profiles", "--latest"));
        Path file = cli.workspace.resolve("exports/profiles-latest.csv");
        assertTrue(latest.out().contains("Exported 2 rows"), latest.out());
        assertEquals(3, Files.readAllLines(file).size());
        Path parquet = tempDir.resolve("all.parquet");
        ok(cli.run("export", "profiles", "--out", parquet.toString()));
        Result back = ok(cli.run("query", "SELECT count(*) FROM profiles", "--format", "csv"));
        assertEquals("3", back.out().lines().toList().get(1));
        assertTrue(Files.size(parquet) > 0);
        Path result = tempDir.resolve("q.csv");
        ok(cli.run("query", "SELECT id FROM profiles_latest ORDER BY id", "--out", result.toString()));
        assertEquals(List.of("id", "p1", "p2"), Files.readAllLines(result));
    }

    @Test
    void badInputGetsOneClearLine() {
        assertBad(cli.run("query", "DELETE FROM profiles"), "'DELETE' is refused");
        assertBad(cli.run("query", "SELECT nope FROM profiles"), "\"nope\" not found");
        assertBad(cli.run("query", "SELECT * FROM profiles", "--format", "xml"), "not an output format");
        assertBad(cli.run("query", "SELECT * FROM profiles", "--timeout", "soon"), "not a duration");
        assertBad(cli.run("query", "SELECT * FROM profiles", "--limit", "-1"), "--limit");
        assertBad(cli.run("history", "nosuch", "p1"), "'nosuch' does not exist");
        assertBad(cli.run("history", "profiles", "p1", "--as-of", "yesterday"), "not an ISO-8601");
        assertBad(cli.run("export", "profiles", "--out", cli.workspace.resolve("journal/x.csv").toString()),
                "journal/");
        assertBad(cli.run("export", "profiles", "--format", "xlsx"), "not an export format");
        assertBad(cli.run("query", "SELECT 1", "--out", tempDir.resolve("r.json").toString()),
                "--out: r.json: .json files are not written here");
        assertBad(cli.run("query", "SELECT 1", "--out", tempDir.resolve("r.parquet").toString(), "--format", "csv"),
                "--format: csv contradicts the file name r.parquet");
        assertBad(cli.run("query", "SELECT 1", "--out", tempDir.resolve("r.csv").toString(), "--format", "json"),
                "--format: json is how a result is printed on the screen");
        assertBad(cli.run("export", "profiles", "--format", "csv", "--out", tempDir.resolve("e.parquet").toString()),
                "contradicts the file name e.parquet");
        assertBad(cli.run("query", "--bogus"), "Unknown option: '--bogus'");
        assertBad(cli.run("query", "-- nothing but a comment"), "only comments");
        assertBad(cli.run("query", "SELECT * FROM read_csv('/etc/hostname')"),
                "a query reads only the workspace's feature groups");
        assertFalse(java.nio.file.Files.exists(tempDir.resolve("r.json")) || java.nio.file.Files.exists(tempDir.resolve("r.parquet")));
    }

    @Test
    void sqlStartingWithACommentRunsAndNestedValuesPrintAsJson() throws Exception {
        Result commented = ok(cli.run("query", "-- how many\nSELECT count(*) AS n FROM profiles", "--format", "csv"));
        assertEquals(List.of("n", "3"), commented.out().lines().toList());

        Result json = ok(cli.run("query", "SELECT list(city ORDER BY t, city) AS cities, {'n': 2, 'who': 'a, b'} AS s, "
                + "TIMESTAMP '2024-01-01 10:00:00' AS ts FROM profiles", "--format", "json"));
        JsonNode row = new ObjectMapper().readTree(json.out()).get(0);
        assertTrue(row.get("cities").isArray(), json.out());
        assertEquals("Nice, FR", row.get("cities").get(2).asText(), "an element with ', ' stays one element");
        assertEquals(2, row.at("/s/n").asInt());
        assertEquals("a, b", row.at("/s/who").asText());
        assertEquals("2024-01-01T10:00:00", row.get("ts").asText(), "seconds kept when they are zero");

        Result csv = ok(cli.run("query", "SELECT [1, 2] AS l, TIMESTAMP '2024-01-01 10:00:00' AS ts", "--format", "csv"));
        assertEquals("\"[1,2]\",2024-01-01T10:00:00", csv.out().lines().toList().get(1));
    }

    @Test
    void aLongResultPrintsEveryRowInOrder() {
        Result csv = ok(cli.run("query", "SELECT range AS n, repeat('x', 40) AS pad FROM range(20000)", "--format", "csv"));
        List<String> lines = csv.out().lines().toList();
        assertEquals(20_001, lines.size());
        assertEquals("19999," + "x".repeat(40), lines.get(20_000));
        Result table = ok(cli.run("query", "SELECT range AS n FROM range(5000)"));
        assertEquals(5_002, table.out().lines().count(), "header, rule and every row");
    }

    private static void assertBad(Result result, String expected) {
        assertFalse(result.exitCode() == 0, result.toString());
        assertEquals(1, result.errLines().stream().filter(l -> l.startsWith("error:")).count(), result.toString());
        assertTrue(result.err().contains(expected), result.toString());
        assertFalse(result.err().contains("Exception"), result.toString());
    }
}
