package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every group command's success path, through the real CLI on a real workspace. */
class GroupCommandsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
    }

    private static Result ok(Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    private static JsonNode json(Result result) throws Exception {
        return MAPPER.readTree(ok(result).out());
    }

    @Test
    void emptyWorkspaceListPrintsAHelpfulLine() {
        Result result = ok(cli.run("group", "list"));

        assertTrue(result.out().startsWith("No feature groups in "), result.out());
        assertTrue(result.out().contains("group create"), result.out());
        assertEquals("", result.err());
    }

    @Test
    void createFromOptionsThenListShowsTheGroupAsATable() {
        Result created = ok(cli.createCustomers());
        Result listed = ok(cli.run("group", "list"));

        assertEquals("Created feature group customers (4 features; online (TTL 7 Days) + offline).\n", created.out());
        assertTrue(listed.out().startsWith("NAME       RECORD ID    EVENT TIME  STORES"), listed.out());
        assertTrue(listed.out().contains("customers  customer_id  event_time  online (TTL 7 Days) + offline"),
                listed.out());
    }

    @Test
    void createFromBoto3FileWarnsAboutCloudOnlyFieldsAndCreates() {
        Path file = cli.file("boto3-orders.json", null);

        Result result = ok(cli.run("group", "create", "--file", file.toString()));

        assertEquals("Created feature group orders (3 features; online + offline).\n", result.out());
        assertEquals(7, result.errLines().size(), result.err());
        assertTrue(result.errLines().stream().allMatch(l -> l.startsWith("warning: ")), result.err());
        assertTrue(result.err().contains("warning: RoleArn (" + file + ":20:14): cloud-only, ignored by the local store"), result.err());
    }

    @Test
    void listFiltersSortsAndPrintsTheListFeatureGroupsShape() throws Exception {
        ok(cli.createCustomers());
        ok(cli.run("group", "create", "--file", cli.file("boto3-orders.json", null).toString()));

        JsonNode byNameDesc = json(cli.run("group", "list", "--sort", "name", "--desc", "--json"));
        JsonNode filtered = json(cli.run("group", "list", "--name-contains", "CUST", "--json"));
        Result none = ok(cli.run("group", "list", "--name-contains", "zzz"));

        assertEquals("orders", byNameDesc.at("/FeatureGroupSummaries/0/FeatureGroupName").asText());
        assertEquals("customers", byNameDesc.at("/FeatureGroupSummaries/1/FeatureGroupName").asText());
        assertEquals(1, filtered.get("FeatureGroupSummaries").size());
        assertEquals("No feature group name contains 'zzz'.\n", none.out());
    }

    @Test
    void describeShowsSummaryAndFeaturesAndJsonHasTheDescribeShape() throws Exception {
        ok(cli.createCustomers());

        Result text = ok(cli.run("group", "describe", "customers"));
        JsonNode json = json(cli.run("group", "describe", "customers", "--json"));

        assertTrue(text.out().contains("Record id      customer_id (String)"), text.out());
        assertTrue(text.out().contains("Online store   enabled, TTL 7 Days"), text.out());
        assertTrue(text.out().contains("Features (4)"), text.out());
        assertTrue(text.out().contains("  score        Fractional"), text.out());
        assertEquals("arn:aws:sagemaker:local:000000000000:feature-group/customers", json.get("FeatureGroupArn").asText());
        assertEquals("Created", json.get("FeatureGroupStatus").asText());
        assertEquals(7, json.at("/OnlineStoreConfig/TtlDuration/Value").asInt());
        assertTrue(json.get("CreationTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void searchMatchesTextTagsAndCreationTime() throws Exception {
        ok(cli.createCustomers());
        ok(cli.run("group", "create", "--file", cli.file("boto3-orders.json", null).toString()));

        JsonNode byFeature = json(cli.run("group", "search", "amount", "--json"));
        JsonNode byTag = json(cli.run("group", "search", "--tag", "team=risk", "--json"));
        JsonNode future = json(cli.run("group", "search", "--created-after", "2999-01-01", "--json"));
        JsonNode window = json(cli.run("group", "search", "--created-after", "2000-01-01T00:00:00Z",
                "--created-before", "2999-12-31T23:59:59", "--json"));
        Result none = ok(cli.run("group", "search", "nothing-like-this"));

        assertEquals("orders", byFeature.at("/Results/0/FeatureGroup/FeatureGroupName").asText());
        assertEquals(1, byFeature.get("Results").size());
        assertEquals("customers", byTag.at("/Results/0/FeatureGroup/FeatureGroupName").asText());
        assertEquals(0, future.get("Results").size());
        assertEquals(2, window.get("Results").size());
        assertEquals("No feature groups match.\n", none.out());
    }

    @Test
    void addFeaturesAppendsNewFeatures() throws Exception {
        ok(cli.createCustomers());

        Result added = ok(cli.run("group", "add-features", "customers", "--feature", "city:String",
                "--feature", "balance:Fractional"));
        JsonNode json = json(cli.run("group", "describe", "customers", "--json"));

        assertEquals("Added 2 features to customers; it now has 6 features.\n", added.out());
        assertEquals("balance", json.at("/FeatureDefinitions/5/FeatureName").asText());
        assertEquals("Fractional", json.at("/FeatureDefinitions/5/FeatureType").asText());
    }

    @Test
    void metadataIsShownChangedAndPrintedAsDescribeFeatureMetadata() throws Exception {
        ok(cli.createCustomers());

        Result before = ok(cli.run("group", "metadata", "customers", "age"));
        ok(cli.run("group", "metadata", "customers", "age", "--description", "Age in years",
                "--param", "unit=years", "--param", "source=crm"));
        JsonNode after = json(cli.run("group", "metadata", "customers", "age", "--remove-param", "source", "--json"));

        assertTrue(before.out().contains("Description  (none)"), before.out());
        assertEquals("Age in years", after.get("Description").asText());
        assertEquals(1, after.get("Parameters").size());
        assertEquals("unit", after.at("/Parameters/0/Key").asText());
        assertEquals("Integral", after.get("FeatureType").asText());
    }

    @Test
    void tagAddsRemovesAndShowsTags() {
        ok(cli.createCustomers());

        Result changed = ok(cli.run("group", "tag", "customers", "tier=gold", "owner=ana", "--remove", "team"));
        Result shown = ok(cli.run("group", "tag", "customers"));
        Result cleared = ok(cli.run("group", "tag", "customers", "--remove", "tier", "--remove", "owner"));

        assertEquals("KEY    VALUE\ntier   gold\nowner  ana\n", changed.out());
        assertEquals(changed.out(), shown.out());
        assertEquals("customers has no tags.\n", cleared.out());
    }

    @Test
    void exportWritesARequestThatRecreatesTheGroup() throws Exception {
        ok(cli.createCustomers());
        Path out = cli.files.resolve("exports/customers.json");

        Result printed = ok(cli.run("group", "export", "customers"));
        Result written = ok(cli.run("group", "export", "customers", "--out", out.toString()));
        ok(cli.run("group", "delete", "customers"));
        Result recreated = ok(cli.run("group", "create", "--file", out.toString()));

        assertEquals("Wrote " + out + "\n", written.out());
        assertEquals(printed.out(), Files.readString(out));
        assertEquals("", recreated.err());
        assertEquals("customers", json(cli.run("group", "describe", "customers", "--json"))
                .get("FeatureGroupName").asText());
    }

    @Test
    void deleteKeepsOfflineFilesUnlessPurged() throws Exception {
        ok(cli.createCustomers());
        String folder = "customers-" + java.time.Instant.parse(
                json(cli.run("group", "describe", "customers", "--json")).get("CreationTime").asText()).getEpochSecond();
        Path offline = cli.workspace.resolve("offline-store").resolve(folder);
        Files.createDirectories(offline.resolve("data"));

        Result kept = ok(cli.run("group", "delete", "customers"));
        ok(cli.createCustomers());
        String secondFolder = "customers-" + java.time.Instant.parse(
                json(cli.run("group", "describe", "customers", "--json")).get("CreationTime").asText()).getEpochSecond();
        Files.createDirectories(cli.workspace.resolve("offline-store").resolve(secondFolder));
        Result purged = ok(cli.run("group", "delete", "customers", "--purge-offline"));

        assertTrue(kept.out().contains("offline store files are kept in " + offline), kept.out());
        assertTrue(Files.exists(offline));
        assertEquals("Deleted feature group customers and its offline store files.\n", purged.out());
        assertFalse(Files.exists(cli.workspace.resolve("offline-store").resolve(secondFolder)));
        assertTrue(ok(cli.run("group", "list")).out().startsWith("No feature groups"));
    }
}
