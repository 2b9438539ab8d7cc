package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, usage errors (exit 2), the global --workspace option and the no-command GUI path. */
class UsageTest {
    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"", "group", "group create", "group list", "group describe", "group search",
            "group add-features", "group metadata", "group tag", "group export", "group delete"})
    void everyCommandHasHelp(String command) {
        List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Result result = cli.runRaw(args.toArray(String[]::new));

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().startsWith("Usage: feature-workbench"), result.out());
        assertTrue(result.out().contains("--workspace=DIR"), result.out());
        assertFalse(Files.exists(cli.workspace), "help must not create a workspace");
    }

    @Test
    void benchStartupWithoutAJarSaysHowToBuildIt() {
        Result result = cli.run("bench", "startup", "--jar", tempDir.resolve("missing.jar").toString(), "--runs", "1");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("mvn -B package -DskipTests"), result.out());
    }

    @Test
    void usageErrorsExitWith2AndPointToHelp() {
        Result unknownOption = cli.run("group", "list", "--colour");
        Result missingName = cli.run("group", "describe");
        Result noSubcommand = cli.run("group");
        Result badSort = cli.run("group", "list", "--sort", "size");
        Result badTime = cli.run("group", "search", "--created-after", "yesterday");
        Result fileAndOptions = cli.run("group", "create", "--file", "x.json", "--name", "n");
        Result missingOptions = cli.run("group", "create", "--name", "n");

        for (Result r : List.of(unknownOption, missingName, noSubcommand, badSort, badTime, fileAndOptions,
                missingOptions)) {
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertTrue(r.err().contains(" --help' for more information."), r.err());
        }
        assertTrue(badSort.err().contains("'size' is not a sort key; use name or created"), badSort.err());
        assertTrue(badTime.err().contains("'yesterday' is not an ISO-8601 date"), badTime.err());
        assertTrue(missingOptions.err().contains("--record-id, --event-time, --feature"), missingOptions.err());
        assertTrue(fileAndOptions.err().contains("--file cannot be combined"), fileAndOptions.err());
    }

    @Test
    void workspaceOptionAlsoWorksAfterTheCommand() {
        Path other = tempDir.resolve("other");

        Result result = cli.runRaw("group", "list", "--workspace", other.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains(other.toString()), result.out());
        assertTrue(Files.isDirectory(other.resolve("online")));
    }

    @Test
    void noCommandOpensTheGuiOnTheWorkspace() {
        Result result = cli.run();

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of(cli.workspace), cli.guiLaunches);
    }

    @Test
    void errorsAreOneLineAndTheLogGetsTheDetails() throws Exception {
        cli.createCustomers();

        Result result = cli.createCustomers();

        assertEquals(1, result.errLines().size(), result.err());
        try (var logs = Files.list(cli.workspace.resolve("logs"))) {
            String log = Files.readString(logs.findFirst().orElseThrow());
            assertTrue(log.contains("a feature group named 'customers'"), log);
        }
    }
}
