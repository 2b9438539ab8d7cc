package org.featureworkbench.cli;

import static org.featureworkbench.cli.RecordCommandsTest.ok;
import static org.featureworkbench.cli.RecordCommandsTest.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.featureworkbench.cli.CliRunner.Result;
import org.featureworkbench.core.RecordStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3's bad records: each put fails with exit code 1 and one line {@code error: …} naming the
 * feature and value, and writes nothing to either store.
 */
class RecordBadInputTest {
    @TempDir
    Path tempDir;
    CliRunner cli;
    RecordStats profilesBefore;
    RecordStats clicksBefore;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
        ok(RecordCommandsTest.createProfiles(cli));
        ok(cli.createCustomers());
        ok(cli.run("group", "create", "--name", "clicks", "--record-id", "id", "--event-time", "t",
                "--feature", "id:Integral", "--feature", "t:Fractional", "--no-online"));
        ok(cli.run("put", "profiles", "--record", "{\"id\":\"p1\",\"t\":1700000000,\"city\":\"Lyon\"}"));
        profilesBefore = stats(cli, "profiles");
        clicksBefore = stats(cli, "clicks");
    }

    /** Checks exit code, the one-line message, and that no store changed. */
    private void assertRejected(Result result, String expectedFragment) {
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: "), result.err());
        assertTrue(result.err().contains(expectedFragment), "expected '" + expectedFragment + "' in " + result.err());
        assertEquals("", result.out());
        assertUnchanged();
    }

    private void assertUnchanged() {
        RecordStats profiles = stats(cli, "profiles");
        RecordStats clicks = stats(cli, "clicks");
        assertEquals(profilesBefore.onlineRecords(), profiles.onlineRecords());
        assertEquals(profilesBefore.offline().rows(), profiles.offline().rows());
        assertEquals(0, profiles.pendingOffline());
        assertEquals(clicksBefore.offline().rows(), clicks.offline().rows());
        assertEquals(0, clicks.pendingOffline());
        assertTrue(ok(cli.run("get", "profiles", "x")).out().startsWith("No record 'x'"));
        assertTrue(ok(cli.run("get", "profiles", "p1")).out().contains("Lyon"), "p1 unchanged");
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of("unknown feature", "profiles", "{\"id\":\"x\",\"t\":1700000000,\"colour\":\"red\"}",
                        "error: colour: feature group 'profiles' has no feature 'colour'; its features are id, t, age"),
                Arguments.of("feature in the wrong case", "profiles", "{\"id\":\"x\",\"t\":1700000000,\"City\":\"Nice\"}",
                        "did you mean 'city'?"),
                Arguments.of("missing record id", "profiles", "{\"t\":1700000000,\"age\":1}",
                        "error: id: the record has no value for its record identifier feature 'id'"),
                Arguments.of("record id given as null", "profiles", "{\"id\":null,\"t\":1700000000}",
                        "error: id: the record has no value for its record identifier feature 'id'"),
                Arguments.of("missing event time", "profiles", "{\"id\":\"x\",\"age\":1}",
                        "error: t: the record has no value for its event time feature 't'"),
                Arguments.of("unparseable Integral", "profiles", "{\"id\":\"x\",\"t\":1700000000,\"age\":\"forty\"}",
                        "error: age: 'forty' is not an Integral (64-bit integer)"),
                Arguments.of("decimal for an Integral", "profiles", "{\"id\":\"x\",\"t\":1700000000,\"age\":41.0}",
                        "age: '41.0' is not an Integral (64-bit integer); Integral values have no decimal point, write 41"),
                Arguments.of("NaN for a Fractional", "profiles", "{\"id\":\"x\",\"t\":1700000000,\"score\":\"NaN\"}",
                        "error: score: 'NaN' is not accepted for a Fractional feature: NaN and Infinity are not stored"),
                Arguments.of("ISO event time for a Fractional event time", "profiles",
                        "{\"id\":\"x\",\"t\":\"2023-11-14T22:13:20Z\"}",
                        "error: t: '2023-11-14T22:13:20Z' is not an event time in seconds since the epoch"),
                Arguments.of("event time with a space instead of T", "customers",
                        "{\"customer_id\":\"x\",\"event_time\":\"2023-11-14 22:13:20\"}",
                        "error: event_time: '2023-11-14 22:13:20' is not a SageMaker event time; write ISO-8601 UTC"),
                Arguments.of("event time with an offset", "customers",
                        "{\"customer_id\":\"x\",\"event_time\":\"2023-11-14T22:13:20+01:00\"}",
                        "is not a SageMaker event time"),
                Arguments.of("event time after year 9999", "profiles", "{\"id\":\"x\",\"t\":253402300800}",
                        "error: t: event time '253402300800' is outside years 0000-9999"),
                Arguments.of("record id over 2 KB", "profiles", "{\"id\":\"" + "i".repeat(2049) + "\",\"t\":1700000000}",
                        "is 2049 bytes of UTF-8; a record identifier may be at most 2 KB (2048 bytes)"),
                Arguments.of("malformed JSON", "profiles", "{\"id\":\"x\",\n \"t\": }",
                        "error: --record: malformed JSON at line 2, column 7: expected a value, found '}'"),
                Arguments.of("unclosed object", "profiles", "{\"id\":\"x\"",
                        "error: --record: malformed JSON at line 1, column 10: the input ends before the '}' that closes the object"),
                Arguments.of("duplicate key", "profiles", "{\"id\":\"x\",\"age\":1,\"t\":1700000000,\"age\":2}",
                        "error: --record: feature 'age' is given twice (line 1, column 39); give each feature once"),
                Arguments.of("duplicate feature in SageMaker's list", "profiles",
                        "[{\"FeatureName\":\"id\",\"ValueAsString\":\"x\"},{\"FeatureName\":\"id\",\"ValueAsString\":\"y\"}]",
                        "feature 'id' is given twice in the record; give each feature once"),
                Arguments.of("nested object", "profiles", "{\"id\":\"x\",\"t\":1700000000,\"age\":{\"v\":1}}",
                        "error: --record: feature 'age' (line 1, column 32) has an object value; a feature value must be"
                                + " a string or a number"),
                Arguments.of("boolean", "profiles", "{\"id\":\"x\",\"t\":1700000000,\"age\":true}",
                        "feature 'age' (line 1, column 32) is a boolean; SageMaker has no boolean type"),
                Arguments.of("not an object", "profiles", "\"x\"",
                        "error: --record: a record must be a JSON object of feature name to value (line 1, column 1),"
                                + " found a string"),
                Arguments.of("two objects", "profiles", "{\"id\":\"x\",\"t\":1} {}",
                        "error: --record: unexpected an object after the record"),
                Arguments.of("unknown group", "nope", "{\"id\":\"x\"}", "'nope'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void badRecordIsRejectedNamingTheProblemAndWritesNothing(String what, String group, String json, String message) {
        assertRejected(cli.run("put", group, "--record", json), message);
    }

    @Test
    void stringOverThe350KbLimitIsRejectedFromARecordFile() {
        String big = "x".repeat(350 * 1024 + 1);
        Path file = cli.file("big.jsonl", "{\"id\":\"x\",\"t\":1700000000,\"city\":\"" + big + "\"}\n");

        Result result = cli.run("put", "profiles", "--record-file", file.toString());

        assertRejected(result, "error: " + file + ":1: city: value 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is 358401"
                + " bytes of UTF-8; a feature value may be at most 350 KB (358400 bytes) (nothing was written)");
    }

    @Test
    void targetOnlineOnAGroupWithoutAnOnlineStoreIsRejected() {
        Result result = cli.run("put", "clicks", "--target", "online", "--record", "{\"id\":1,\"t\":1700000000}");

        assertRejected(result, "error: --target: feature group 'clicks' has no online store; target offline only");
    }

    @Test
    void badOptionValuesAreRejectedBeforeTheWorkspaceIsTouched() {
        assertRejected(cli.run("put", "profiles", "--target", "cloud", "--record", "{}"),
                "error: --target: unknown target store 'cloud'; use online, offline or online,offline");
        assertRejected(cli.run("put", "profiles", "--ttl", "soon", "--record", "{}"), "error: --ttl: 'soon' is not a TTL");
        assertRejected(cli.run("put", "profiles", "--record-file", tempDir.resolve("missing.jsonl").toString()),
                "missing.jsonl: no such file");
    }

    @Test
    void recordFileStopsAtTheFirstBadLineAndSaysWhatWasWritten() {
        Path file = cli.file("records.jsonl", "{\"id\":\"a\",\"t\":1700000000}\n\n{\"id\":\"b\",\"t\":1700000000}\n"
                + "{\"id\":\"c\",\"t\":1700000000,\"age\":\"old\"}\n{\"id\":\"d\",\"t\":1700000000}\n");

        Result result = cli.run("put", "profiles", "--record-file", file.toString());

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("error: " + file + ":4: age: 'old' is not an Integral (64-bit integer); write a whole number such"
                + " as 42 or -7 (the 2 records before it were written, none after it)\n", result.err());
        assertTrue(ok(cli.run("get", "profiles", "b")).out().contains("FEATURE"));
        assertTrue(ok(cli.run("get", "profiles", "d")).out().startsWith("No record 'd'"));
    }

    @Test
    void malformedLineInARecordFileNamesFileLineAndColumn() {
        Path file = cli.file("records.jsonl", "{\"id\":\"a\",\"t\":1700000000}\n{\"id\":\"b\" \"t\":1}\n");

        Result result = cli.run("put", "profiles", "--record-file", file.toString());

        assertEquals("error: " + file + ":2: malformed JSON at column 11: expected ',' or '}' after a value, found '\"'"
                + " (is a comma missing?) (the record before it was written, none after it)\n", result.err());
    }

    @Test
    void emptyRecordFileIsAnError() {
        Path file = cli.file("empty.jsonl", "\n  \n");

        assertRejected(cli.run("put", "profiles", "--record-file", file.toString()),
                "error: --record-file: " + file + " has no records (it is empty or only blank lines)");
    }

    @Test
    void usageErrorsExitWith2() {
        for (Result r : List.of(cli.run("put", "profiles"),
                cli.run("put", "profiles", "--record", "{}", "--record-file", "x.jsonl"),
                cli.run("delete", "profiles", "p1"),
                cli.run("batch-get", "profiles"),
                cli.run("batch-get", "profiles:a,,b"),
                cli.run("get", "profiles"))) {
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
        assertUnchanged();
    }
}
