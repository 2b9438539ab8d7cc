package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.json.CreateFeatureGroupJson;
import org.featureworkbench.json.ParsedDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.testing.OfflineFiles;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest} of the real-data quirk fixtures, JSON Lines and Parquet; {@code infer}. */
class IngestSourcesTest {
    @TempDir
    Path tmp;
    CliRunner cli;

    @BeforeEach
    void runner() {
        cli = new CliRunner(tmp);
    }

    static Path fixture(String name) {
        try {
            return Path.of(IngestSourcesTest.class.getResource("/ingest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    long onlineCount(String group) {
        try (FeatureStore store = Workspace.open(cli.workspace)) {
            return store.records().stats(group).onlineRecords();
        }
    }

    @Test
    void theAwsIntroductionFileWithItsBomIngestsCleanlyWithAStampedEventTime() {
        CliRunner.Result r = cli.run("ingest", "intro", fixture("intro_customer_bom.csv").toString(), "--create",
                "--stamp-event-time");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("read 4, online 4, offline 4, rejected 0"), r.out());
        assertEquals(4, onlineCount("intro"));
        assertEquals(1, OfflineFiles.scalar(cli.workspace, "intro", "SELECT count(DISTINCT \"EventTime\") FROM t"),
                "every row stamped with the one ingest time");
        assertTrue(cli.run("group", "describe", "intro").out().contains("customer_id (Integral)"), "BOM stripped from the name");
    }

    @Test
    void carDataWithMoreFieldsThanHeaderNamesIsRefusedByCreate() {
        CliRunner.Result r = cli.run("ingest", "cars", fixture("car_data_ragged.csv").toString(), "--create",
                "--stamp-event-time");

        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("values would shift"), r.err());
        assertEquals(1, cli.run("group", "describe", "cars").exitCode());
    }

    @Test
    void carDataRowsAreRejectedWithValuesWouldShiftWhenTheGroupExists() throws IOException {
        cli.run("group", "create", "--name", "cars", "--record-id", "Id", "--event-time", "EventTime",
                "--feature", "Id:Integral", "--feature", "Model:String", "--feature", "EventTime:Fractional");

        CliRunner.Result r = cli.run("ingest", "cars", fixture("car_data_ragged.csv").toString(), "--stamp-event-time");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("read 3, online 0, offline 0, rejected 3,") && r.out().contains("rows/s; rejects in "),
                r.out());
        Path rejects = Path.of(r.out().substring(r.out().indexOf("rejects in ") + 11).trim());
        assertTrue(rejects.startsWith(cli.workspace.resolve("exports").resolve("rejects")), rejects.toString());
        List<String> lines = Files.readAllLines(rejects);
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).contains("has 8 fields but the header has 7 names") && lines.get(1).contains("values would shift"),
                lines.get(1));
    }

    @Test
    void jsonLinesRowsAreStoredAndTheMalformedLinesRejected() {
        cli.run("group", "create", "--name", "events", "--record-id", "customer_id", "--event-time", "event_time",
                "--feature", "customer_id:String", "--feature", "event_time:String", "--feature", "age:Integral",
                "--feature", "score:Fractional");

        CliRunner.Result r = cli.run("ingest", "events", fixture("events.jsonl").toString());

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("read 6, online 2, offline 2, rejected 4"), r.out());
        assertEquals(2, OfflineFiles.scalar(cli.workspace, "events", "SELECT count(*) FROM t WHERE customer_id IN ('c1', 'c2')"));
    }

    @Test
    void aJsonLinesKeyFirstSeenAfterTheHeaderLinesIsSaidToBeIgnored() throws IOException {
        assertEquals(0, cli.run("group", "create", "--name", "events", "--record-id", "customer_id", "--event-time", "event_time",
                "--feature", "customer_id:String", "--feature", "event_time:String", "--feature", "age:Integral")
                .exitCode());
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 1500; i++) {
            lines.append("{\"customer_id\": \"c").append(i).append("\", \"event_time\": \"2024-05-01T10:00:00Z\", \"age\": ")
                    .append(i % 90).append(i > 1200 ? ", \"loyalty\": \"gold\"" : "").append("}\n");
        }
        Path file = Files.writeString(tmp.resolve("late.jsonl"), lines);

        CliRunner.Result r = cli.run("ingest", "events", file.toString());

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("read 1500, online 1500, offline 1500, rejected 0"), r.out());
        assertTrue(r.err().contains("note: key 'loyalty' first appears on line 1201"), r.err());
        assertTrue(r.err().contains("note: columns not in the group, ignored: loyalty"), r.err());
        assertTrue(r.err().contains("add it as a feature (loyalty (String)) and ingest the file again with"
                + " --add-new-columns"), r.err());
    }

    @Test
    void aParquetFileIngestsWithItsTypes() throws SQLException {
        Path parquet = tmp.resolve("orders.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 'o' || i AS order_id, TIMESTAMP '2024-05-01 10:00:00' + INTERVAL (i) MINUTE AS "
                    + "event_time, i * 10 AS amount FROM range(5) t(i)) TO '" + parquet + "' (FORMAT PARQUET)");
        }

        CliRunner.Result r = cli.run("ingest", "orders", parquet.toString(), "--create");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("read 5, online 5, offline 5, rejected 0"), r.out());
        assertEquals(40, OfflineFiles.scalar(cli.workspace, "orders", "SELECT amount FROM t WHERE order_id = 'o4'"));
    }

    @Test
    void inferJsonIsACreateFeatureGroupRequestThatReadsBack() {
        CliRunner.Result r = cli.run("infer", fixture("intro_customer_bom.csv").toString(), "--json",
                "--stamp-event-time", "--name", "intro");

        assertEquals(0, r.exitCode(), r.toString());
        ParsedDefinition parsed = CreateFeatureGroupJson.read(r.out(), "stdout");
        assertTrue(parsed.warnings().isEmpty(), parsed.warnings().toString());
        assertEquals("intro", parsed.definition().name());
        assertEquals("customer_id", parsed.definition().recordIdentifierFeatureName());
        assertEquals(FeatureType.FRACTIONAL, parsed.definition().eventTimeFeature().type());
        assertTrue(r.err().contains("note: event time: feature 'EventTime' (Fractional) added"), r.err());
    }

    @Test
    void inferJsonIsAcceptedByGroupCreateAsIsWithTheS3UriBoto3Requires() {
        CliRunner.Result r = cli.run("infer", fixture("intro_customer_bom.csv").toString(), "--json",
                "--stamp-event-time", "--name", "intro");
        assertEquals(0, r.exitCode(), r.toString());
        // boto3 refuses an OfflineStoreConfig without S3StorageConfig.S3Uri ("Missing required parameter").
        assertTrue(r.out().contains("\"S3Uri\": \"" + CreateFeatureGroupJson.LOCAL_S3_URI + "\""), r.out());
        assertTrue(!r.out().contains("null"), "no member may be null: " + r.out());

        CliRunner.Result create = cli.run("group", "create", "--file", cli.file("intro.json", r.out()).toString());
        assertEquals(0, create.exitCode(), create.toString());
        assertEquals("", create.err(), "the local S3Uri is read without a warning");
    }

    @Test
    void inferJsonWithoutAnEventTimeOrRecordIdSaysWhichOptionPicksOneInsteadOfPrintingNull() throws IOException {
        Path noTime = Files.writeString(tmp.resolve("no_time.csv"), "a,b\n1,x\n2,y\n");
        CliRunner.Result time = cli.run("infer", noTime.toString(), "--json");
        assertEquals(1, time.exitCode(), time.toString());
        assertEquals("", time.out());
        assertTrue(time.err().contains("error: --event-time: no column of no_time.csv is an event time"), time.err());
        assertTrue(time.err().contains("choose one with --event-time C (columns: a, b), or add one stamped with the "
                + "ingest time with --stamp-event-time"), time.err());

        Path noId = Files.writeString(tmp.resolve("no_id.csv"), "a,event_time\n1,2030-01-01T00:00:00Z\n1,2030-01-01T00:00:00Z\n");
        CliRunner.Result id = cli.run("infer", noId.toString(), "--json");
        assertEquals(1, id.exitCode(), id.toString());
        assertTrue(id.err().contains("error: --record-id: no column of no_id.csv can be the record identifier"), id.err());
        assertTrue(id.err().contains("choose one with --record-id C (columns: a, event_time)"), id.err());

        CliRunner.Result chosen = cli.run("infer", noTime.toString(), "--json", "--stamp-event-time");
        assertEquals(0, chosen.exitCode(), chosen.toString());
        assertEquals(0, cli.run("group", "create", "--file", cli.file("no_time.json", chosen.out()).toString()).exitCode());
    }

    @Test
    void inferWithoutJsonPrintsATableOfFeatures() {
        CliRunner.Result r = cli.run("infer", fixture("intro_customer_bom.csv").toString());

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("record identifier: customer_id, event time: (none; choose one"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("city_code\\s+Integral\\s+city_code\\s+4.*")), r.out());
    }
}
