package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs of issue 12's trial, as a user types them: each is refused with exit code 1 and
 * one line saying what, where and what to do, in our words (no Java or library names).
 */
class TrialBadInputTest {
    private static final String CSV = "customer_id,event_time,age\nc1,2024-01-01T00:00:00Z,30\n";

    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
        assertEquals(0, cli.createCustomers().exitCode());
    }

    private static void assertRefused(Result result, String... fragments) {
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: "), result.err());
        for (String fragment : fragments) {
            assertTrue(result.err().contains(fragment), "expected '" + fragment + "' in " + result.err());
        }
        assertFalse(result.err().matches("(?s).*\\b(java|org|com)\\.[a-z]+\\..*"), "a class name in " + result.err());
    }

    @Test
    void putOfABlankRecordIdIsRefusedAsIngestRefusesIt() {
        Result put = cli.run("put", "customers", "--record",
                "{\"customer_id\":\"   \",\"event_time\":\"2024-01-01T00:00:00Z\"}");

        assertRefused(put, "customer_id: the record identifier '   ' holds only spaces");
        assertTrue(cli.run("query", "SELECT count(*) AS n FROM customers_latest", "--format", "csv").out()
                .contains("\n0"), "nothing stored");
    }

    @Test
    void recordListEntryWithoutValueAsStringIsRefused() {
        Result put = cli.run("put", "customers", "--record", "[{\"FeatureName\":\"customer_id\",\"ValueAsString\":\"c1\"},"
                + "{\"FeatureName\":\"event_time\",\"ValueAsString\":\"2024-01-01T00:00:00Z\"},{\"FeatureName\":\"age\"}]");

        assertRefused(put, "--record: age: the record list entry for feature 'age' (line 1, column ", "has no ValueAsString");
        assertTrue(cli.run("get", "customers", "c1").out().startsWith("No record 'c1'"));
    }

    @Test
    void lowerCaseFeatureTypeInARequestFileIsRefusedWithTheRightSpelling() {
        String json = "{\"FeatureGroupName\":\"g\",\"RecordIdentifierFeatureName\":\"id\",\"EventTimeFeatureName\":\"t\",\n"
                + "\"FeatureDefinitions\":[{\"FeatureName\":\"id\",\"FeatureType\":\"string\"},"
                + "{\"FeatureName\":\"t\",\"FeatureType\":\"String\"}],\"OnlineStoreConfig\":{\"EnableOnlineStore\":true}}";
        Path file = cli.file("g.json", json);

        assertRefused(cli.run("group", "create", "--file", file.toString()),
                "FeatureType 'string' must be written 'String'", "g.json:2:");
        assertEquals(0, cli.run("group", "create", "--name", "g2", "--record-id", "id", "--event-time", "t",
                "--feature", "id:string", "--feature", "t:string").exitCode(), "the command line's own syntax stays forgiving");
    }

    @Test
    void tagKeysWithTheAwsPrefixAreRefusedAtCreateAndAtTag() {
        assertRefused(cli.run("group", "create", "--name", "g", "--record-id", "id", "--event-time", "t",
                "--feature", "id:String", "--feature", "t:String", "--tag", "aws:owner=me"),
                "tag key 'aws:owner' starts with 'aws:', a prefix AWS reserves", "e.g. 'owner'");
        assertRefused(cli.run("group", "tag", "customers", "AWS:team=x"), "a prefix AWS reserves");
        assertFalse(cli.run("group", "describe", "customers").out().contains("AWS:team"));
    }

    @Test
    void aGroupStoredWithAnAwsTagBeforeTheRuleSaysToRemoveItFirst() throws Exception {
        // A workspace from before the check: the tag is in the stored catalog entry itself.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                org.featureworkbench.workspace.Workspace.jdbcUrl(cli.workspace), "fwb", "");
             java.sql.Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE FWB_FEATURE_GROUP SET DEFINITION = "
                    + "REPLACE(DEFINITION, '\"team\"', '\"aws:team\"') WHERE NAME = 'customers'"));
        }
        assertTrue(cli.run("group", "describe", "customers").out().contains("aws:team"));

        assertRefused(cli.run("group", "tag", "customers", "owner=ana"), "feature group 'customers' has the tag "
                + "'aws:team', stored before it was refused", "remove it first, or in the same change: "
                + "'feature-workbench group tag customers --remove aws:team'");

        Result removed = cli.run("group", "tag", "customers", "owner=ana", "--remove", "aws:team");
        assertEquals(0, removed.exitCode(), removed.toString());
        String tags = cli.run("group", "describe", "customers").out();
        assertTrue(tags.contains("owner") && !tags.contains("aws:team"), tags);
    }

    @Test
    void inferRefusesANameThatGroupCreateWouldRefuseAndSaysWhichToUse() {
        Path file = cli.file("sales.csv", CSV);

        Result bad = cli.run("infer", file.toString(), "--name", "a/b", "--json");
        Result good = cli.run("infer", file.toString(), "--name", "a-b", "--json");

        assertRefused(bad, "--name: 'a/b' is not a valid feature group name", "e.g. 'a-b'");
        assertEquals("", bad.out());
        assertEquals(0, cli.run("group", "create", "--file", cli.file("a-b.json", good.out()).toString()).exitCode());
    }

    @Test
    void emptyWorkspaceIsRefusedInsteadOfUsingTheCurrentFolder() {
        boolean hadOnline = Files.exists(Path.of("online"));

        Result result = cli.runRaw("--workspace", "", "group", "list");

        assertRefused(result, "--workspace: the folder name is empty", "leave the option out");
        assertEquals(hadOnline, Files.exists(Path.of("online")), "no workspace made in the current folder");
    }

    @Test
    void nanInARecordIsExplainedWithoutAJacksonFeatureName() {
        Result put = cli.run("put", "customers", "--record",
                "{\"customer_id\":\"c1\",\"event_time\":\"2024-01-01T00:00:00Z\",\"age\":NaN}");

        assertRefused(put, "'NaN' is not a JSON number");
        assertFalse(put.err().contains("JsonReadFeature"), put.err());
    }

    @Test
    void gzipFileNamedCsvIsCalledGzip() throws IOException {
        Path file = cli.files.resolve("customers.csv");
        Files.createDirectories(cli.files);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }

        assertRefused(cli.run("ingest", "customers", file.toString()), "customers.csv is gzip-compressed", "gzip -dc");
    }

    @Test
    void parquetFileNamedCsvGetsTheFormatHintAndIngestsWithIt() throws IOException {
        assertEquals(0, cli.run("ingest", "customers", cli.file("in.csv", CSV).toString()).exitCode());
        Path parquet = cli.files.resolve("export.parquet");
        assertEquals(0, cli.run("export", "customers", "--out", parquet.toString()).exitCode());
        Path misnamed = Files.copy(parquet, cli.files.resolve("export.csv"));

        assertRefused(cli.run("ingest", "customers", misnamed.toString()), "export.csv is a Parquet file",
                "pass --format parquet");
        assertEquals(0, cli.run("ingest", "customers", misnamed.toString(), "--format", "parquet").exitCode());
    }

    @Test
    void textNamedParquetNamesNoLibraryObject() {
        Result result = cli.run("ingest", "customers", cli.file("customers.parquet", CSV).toString());

        assertRefused(result, "customers.parquet is not a Parquet file", "--format csv");
        assertFalse(result.err().contains("LocalInputFile"), result.err());
    }

    @Test
    void csvIngestedAsJsonLinesSaysItIsNotJsonLines() {
        Result result = cli.run("ingest", "customers", cli.file("customers.csv", CSV).toString(), "--format", "jsonl");

        assertRefused(result, "customers.csv is not JSON Lines", "pass --format csv");
        assertFalse(result.err().contains("has no column"), result.err());
    }

    @Test
    void groupDeletedBeforeAnyRowReachedItsOfflineStoreNamesNoFolder() {
        Result deleted = cli.run("group", "delete", "customers");

        assertEquals(0, deleted.exitCode(), deleted.toString());
        assertTrue(deleted.out().contains("it had no offline store files yet"), deleted.out());
        assertFalse(deleted.out().contains("kept in"), deleted.out());
    }

    @Test
    void groupDeletedAfterAFlushNamesTheFolderItKeeps() {
        assertEquals(0, cli.run("put", "customers", "--record",
                "{\"customer_id\":\"c1\",\"event_time\":\"2024-01-01T00:00:00Z\"}").exitCode());

        Result deleted = cli.run("group", "delete", "customers");

        String folder = deleted.out().replaceAll("(?s).*kept in (\\S+) \\(--purge-offline.*", "$1");
        assertTrue(Files.isDirectory(Path.of(folder)), deleted.out());
    }

    @Test
    void fileSystemFailureIsSaidWithoutTheJavaClassName() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli failing = new Cli(dir -> {
            throw new UncheckedIOException(new NoSuchFileException("/gone/online"));
        }, dir -> { });

        int code = failing.execute(new String[] {"--workspace", tempDir.toString(), "group", "list"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, code);
        assertEquals("error: /gone/online does not exist", err.toString(StandardCharsets.UTF_8).strip());
    }
}
