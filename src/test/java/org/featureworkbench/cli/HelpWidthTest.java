package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Issue 12, "help examples wrap in the middle of a value": every command's help, as printed, has
 * no line wider than the help width, and every line of its description and footer is printed
 * whole — picocli wraps a longer one wherever the width ends, which splits prose mid-phrase and
 * examples mid-value. (Option descriptions live in their own column and may wrap.)
 */
class HelpWidthTest {
    /** Cli's usage width. */
    static final int WIDTH = 100;

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("org.featureworkbench.cli.HelpExamplesTest#commands")
    void noLineIsWiderThanTheHelpAndNoWrittenLineIsWrapped(String command) {
        CommandLine spec = find(command);
        List<String> written = new ArrayList<>(Arrays.asList(spec.getCommandSpec().usageMessage().description()));
        written.addAll(Arrays.asList(spec.getCommandSpec().usageMessage().footer()));
        // A command list shows each subcommand's header, or else its first description line:
        // wrapped, it reads as cut off.
        spec.getSubcommands().values().forEach(sub -> {
            String[] header = sub.getCommandSpec().usageMessage().header();
            String[] description = sub.getCommandSpec().usageMessage().description();
            if (header.length > 0) {
                written.add(header[0]);
            } else if (description.length > 0) {
                written.add(description[0]);
            }
        });
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Result result = new CliRunner(tempDir).runRaw(args.toArray(String[]::new));

        assertEquals(0, result.exitCode(), result.toString());
        List<String> printed = result.out().lines().map(String::stripTrailing).toList();
        List<String> problems = new ArrayList<>();
        for (String line : printed) {
            if (line.codePointCount(0, line.length()) > WIDTH) {
                problems.add("wider than " + WIDTH + ": '" + line + "'");
            }
        }
        for (String line : written) {
            for (String part : line.split("%n|\\R")) {
                if (!part.isBlank() && printed.stream().noneMatch(p -> p.endsWith(part.strip()))) {
                    problems.add("wrapped (" + part.length() + " characters): '" + part + "'");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\nin:\n" + result.out());
    }

    private static CommandLine find(String command) {
        CommandLine current = new CommandLine(new RootCommand(null));
        for (String word : command.isEmpty() ? new String[0] : command.split(" ")) {
            current = current.getSubcommands().get(word);
        }
        return current;
    }
}
