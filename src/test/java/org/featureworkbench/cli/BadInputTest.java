package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 2's bad inputs: each fails with exit code 1 and one line {@code error: …} naming the
 * problem, and leaves the workspace exactly as it was (one existing group, unchanged).
 */
class BadInputTest {
    private static final String LONG_NAME = "a".repeat(65);

    @TempDir
    Path tempDir;
    CliRunner cli;
    String listBefore;
    String describeBefore;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
        assertEquals(0, cli.createCustomers().exitCode());
        listBefore = cli.run("group", "list", "--json").out();
        describeBefore = cli.run("group", "describe", "customers", "--json").out();
    }

    /** Runs a command that must fail and checks the message and that nothing changed. */
    private void assertRejected(Result result, String expectedFragment) {
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: "), result.err());
        assertTrue(result.err().contains(expectedFragment), "expected '" + expectedFragment + "' in " + result.err());
        assertEquals(listBefore, cli.run("group", "list", "--json").out());
        assertEquals(describeBefore, cli.run("group", "describe", "customers", "--json").out());
    }

    /** A valid create command line for group {@code name}, with the given extra options and features. */
    private static String[] create(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("group", "create", "--name=" + name, "--record-id", "id",
                "--event-time", "t"));
        args.addAll(List.of(extra));
        if (!args.contains("--feature")) {
            args.addAll(List.of("--feature", "id:String", "--feature", "t:String"));
        }
        return args.toArray(String[]::new);
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of(Arguments.of("../x", "'../x' is not a valid"),
                Arguments.of("a;DROP TABLE t", "'a;DROP TABLE t' is not a valid"),
                Arguments.of(LONG_NAME, "is 65 characters long; the limit is 64"),
                Arguments.of("kundenübersicht", "'kundenübersicht' is not a valid"),
                Arguments.of("-x", "'-x' is not a valid"));
    }

    @ParameterizedTest(name = "group name {0}")
    @MethodSource("invalidNames")
    void invalidGroupNamesAreRejected(String name, String message) {
        Result result = cli.run(create(name));

        assertTrue(result.err().startsWith("error: --name: "), result.err());
        assertRejected(result, message);
    }

    @ParameterizedTest(name = "feature name {0}")
    @MethodSource("invalidNames")
    void invalidFeatureNamesAreRejected(String name, String message) {
        Result result = cli.run(create("g", "--feature", "id:String", "--feature", "t:String",
                "--feature=" + name + ":Integral"));

        assertTrue(result.err().startsWith("error: --feature #3: "), result.err());
        assertRejected(result, message);
    }

    @Test
    void reservedFeatureNamesAreRejected() {
        assertRejected(cli.run(create("g", "--feature", "id:String", "--feature", "t:String",
                "--feature", "is_deleted:String")), "'is_deleted' is reserved");
    }

    @Test
    void duplicateFeatureNamesAreRejected() {
        assertRejected(cli.run(create("g", "--feature", "id:String", "--feature", "t:String",
                "--feature", "ID:Integral")), "--feature #3: feature 'ID' is defined more than once");
    }

    @Test
    void recordIdentifierMustBeAFeature() {
        assertRejected(cli.run("group", "create", "--name", "g", "--record-id", "missing", "--event-time", "t",
                "--feature", "id:String", "--feature", "t:String"), "--record-id: 'missing' is not among");
    }

    @Test
    void integralEventTimeIsRejected() {
        assertRejected(cli.run(create("g", "--feature", "id:String", "--feature", "t:Integral")),
                "--event-time: event time 't' is Integral");
    }

    @Test
    void neitherStoreIsRejectedFromOptionsAndFromJson() {
        assertRejected(cli.run(create("g", "--no-online", "--no-offline")), "neither the online nor the offline store");
        assertRejected(cli.run("group", "create", "--file", cli.file("neither-store.json", null).toString()),
                "error: OnlineStoreConfig: neither the online nor the offline store is enabled");
    }

    @Test
    void descriptionOf129CharactersIsRejected() {
        assertRejected(cli.run(create("g", "--description", "d".repeat(129))),
                "--description: description is 129 characters long; the limit is 128");
    }

    @Test
    void fiftyOneTagsAreRejected() {
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            extra.add("--tag");
            extra.add("k" + i + "=v");
        }
        assertRejected(cli.run(create("g", extra.toArray(String[]::new))), "51 tags; the limit is 50");
    }

    @Test
    void anExistingGroupNameIsRejected() {
        assertRejected(cli.createCustomers(), "a feature group named 'customers'");
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        Path file = cli.file("malformed.json", null);
        assertRejected(cli.run("group", "create", "--file", file.toString()),
                "error: " + file + ":4:3: malformed JSON: expected ',' or '}' after a value");
    }

    @Test
    void unknownFeatureTypeIsRejectedFromOptionsAndFromJson() {
        assertRejected(cli.run(create("g", "--feature", "id:String", "--feature", "t:Timestamp")),
                "error: --feature: unknown FeatureType 'Timestamp'; use one of Integral, Fractional, String");
        assertRejected(cli.run("group", "create", "--file", cli.file("unknown-type.json", null).toString()),
                "error: FeatureDefinitions[2].FeatureType: unknown FeatureType 'Float'");
    }

    @Test
    void featureDefinitionsThatAreNotAnArrayAreRejected() {
        assertRejected(cli.run("group", "create", "--file", cli.file("definitions-not-array.json", null).toString()),
                "error: FeatureDefinitions: expected an array");
    }

    @Test
    void addingAnExistingFeatureNameIsRejectedAndAddsNothing() {
        assertRejected(cli.run("group", "add-features", "customers", "--feature", "city:String",
                "--feature", "age:Fractional"), "--feature #2: feature 'age' already exists in group 'customers'");
    }

    @Test
    void aMissingJsonFileIsRejected() {
        assertRejected(cli.run("group", "create", "--file", cli.files.resolve("nope.json").toString()),
                "nope.json: no such file");
    }

    @Test
    void unknownGroupsAndFeaturesAreRejected() {
        assertRejected(cli.run("group", "describe", "nobody"), "feature group 'nobody' does not exist");
        assertRejected(cli.run("group", "delete", "nobody"), "'nobody'");
        assertRejected(cli.run("group", "metadata", "customers", "height"), "'height'");
        assertRejected(cli.run("group", "metadata", "customers", "height", "--description", "x"), "'height'");
    }

    @Test
    void invalidMetadataAndTagsAreRejected() {
        assertRejected(cli.run("group", "metadata", "customers", "age", "--description", "d".repeat(256)),
                "256 characters long; the limit is 255");
        assertRejected(cli.run("group", "tag", "customers", "bad key!=v"), "tag key 'bad key!' is invalid");
    }

    @Test
    void invalidTtlIsRejected() {
        assertRejected(cli.run(create("g", "--ttl", "7 fortnights")), "unknown TTL unit 'fortnights'");
        assertRejected(cli.run(create("g", "--no-online", "--ttl", "7d")), "a TTL applies to the online store");
    }
}
