package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every example line a command's help was written with (the footer, and description lines that
 * start with "Example" or are indented) comes out of {@code --help} whole, on one line: an example
 * wrapped in the middle of a value can't be copied into a shell. (Prose may wrap.)
 */
class HelpExamplesTest {
    @TempDir
    Path tempDir;

    /** Every command and subcommand, as the words typed before {@code --help}. */
    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        collect(new CommandLine(new RootCommand(null)), "", names);
        return names.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> names) {
        names.add(prefix.strip());
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // aliases would repeat a command
                collect(sub, prefix + " " + name, names);
            }
        });
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void everyExampleIsPrintedOnLinesOfItsOwn(String command) {
        CommandLine spec = find(command);
        List<String> written = new ArrayList<>();
        Arrays.stream(spec.getCommandSpec().usageMessage().description())
                .filter(line -> line.startsWith("Example") || line.startsWith(" "))
                .forEach(written::add);
        written.addAll(Arrays.asList(spec.getCommandSpec().usageMessage().footer()));
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Result result = new CliRunner(tempDir).runRaw(args.toArray(String[]::new));

        assertEquals(0, result.exitCode(), result.toString());
        List<String> printed = result.out().lines().map(String::stripTrailing).toList();
        for (String line : written) {
            for (String part : line.split("%n|\\R")) {
                if (!part.isBlank()) {
                    assertTrue(printed.contains(part.stripTrailing()), "'" + part + "' is wrapped in:\n" + result.out());
                }
            }
        }
    }

    /**
     * The command lists of {@code --help} show each command's header, or else the first line of its
     * description: it must be a whole sentence on one line, not the start of a paragraph cut off.
     */
    @ParameterizedTest(name = "listed: {0}")
    @MethodSource("commands")
    void everyCommandIsListedWithAWholeSentenceOnOneLine(String command) {
        if (command.isEmpty()) {
            return; // the root is not listed anywhere
        }
        CommandLine spec = find(command);
        String[] header = spec.getCommandSpec().usageMessage().header();
        String summary = header.length > 0 ? header[0] : spec.getCommandSpec().usageMessage().description()[0];
        assertTrue(summary.endsWith("."), "'" + command + "' is listed as '" + summary + "', not a whole sentence");
        String parent = command.contains(" ") ? command.substring(0, command.lastIndexOf(' ')) : "";
        List<String> args = new ArrayList<>(parent.isEmpty() ? List.of() : List.of(parent.split(" ")));
        args.add("--help");

        Result result = new CliRunner(tempDir).runRaw(args.toArray(String[]::new));

        String name = command.substring(command.lastIndexOf(' ') + 1);
        assertTrue(result.out().lines().anyMatch(line -> line.strip().startsWith(name + " ") && line.strip().endsWith(summary)),
                "'" + name + "' is not listed on one line as '" + summary + "' in:\n" + result.out());
    }

    private static CommandLine find(String command) {
        CommandLine current = new CommandLine(new RootCommand(null));
        for (String word : command.isEmpty() ? new String[0] : command.split(" ")) {
            current = current.getSubcommands().get(word);
        }
        return current;
    }
}
