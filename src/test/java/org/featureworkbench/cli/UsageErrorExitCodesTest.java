package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Missing, conflicting or malformed options are usage errors in every command: exit 2 (picocli's
 * usage code), the message saying what to give, and the hint to the command's --help; checked
 * before the workspace is opened. Exit 1 stays for what only running can tell (a file that
 * cannot be read, a group that does not exist).
 */
class UsageErrorExitCodesTest {
    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("group update customers", "--ttl DURATION (e.g. --ttl 7d) or --no-ttl"),
                Arguments.of("group update customers --ttl 7d --no-ttl", "give --ttl or --no-ttl, not both"),
                Arguments.of("group update customers --ttl soon", "'soon' is not a TTL"),
                Arguments.of("dataset --join customers --out x.csv", "give the base rows"),
                Arguments.of("dataset --base b.csv --out x.csv", "join at least one feature group"),
                Arguments.of("dataset --base b.csv --join customers", "give the file to write"),
                Arguments.of("dataset --from-manifest m.json --base b.csv", "drop --base and --join"),
                Arguments.of("dataset --base b.csv --join :age --out x.csv", "names no group"),
                Arguments.of("dataset --base b.csv --join customers --out x.csv --split train=0.8,test=0.2"
                        + " --split-by sideways", "'sideways' is not a split order"),
                Arguments.of("dataset --base b.csv --join customers --out x.csv --recent -1", "must be a positive number"),
                Arguments.of("query SELECT_1 --limit -1", "must be 0 (no limit) or more"),
                Arguments.of("export customers --format xml", "'xml' is not an export format"),
                Arguments.of("serve --port 70000", "70000 is not a TCP port"),
                Arguments.of("serve --credentials a:b --credentials-file keys.txt", "give --credentials or"
                        + " --credentials-file, not both"),
                Arguments.of("serve --profile local", "give the file too"),
                Arguments.of("serve --credentials nocolon", "expected ACCESS_KEY:SECRET"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void exitsWith2SayingWhatToGive(String commandLine, String message) {
        Result result = cli.run(commandLine.split(" "));

        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("error: "), result.err());
        assertTrue(result.err().contains(message), result.toString());
        assertTrue(result.err().contains(" --help' for more information."), result.err());
        assertFalse(Files.exists(cli.workspace), "a usage error must not open (create) the workspace");
    }

    @Test
    void aFileThatCannotBeReadStaysARuntimeError() {
        Result result = cli.run("serve", "--credentials-file", tempDir.resolve("missing.txt").toString());

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("missing.txt"), result.err());
    }
}
