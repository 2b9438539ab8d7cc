package org.featureworkbench.cli;

import static org.featureworkbench.cli.RecordCommandsTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.featureworkbench.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query}, {@code export} and {@code dataset} create a missing folder for their {@code --out}
 * file, and say so once on stderr: a typo in a folder name then shows at once, not when the file
 * is looked for elsewhere.
 */
class OutputFolderNoteTest {
    @TempDir
    Path tempDir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tempDir);
        ok(RecordCommandsTest.createProfiles(cli));
        ok(cli.run("put", "profiles", "--record={\"id\":\"p1\",\"t\":1700000000,\"age\":41,\"city\":\"Lyon\"}"));
    }

    @Test
    void queryNotesTheFolderItCreatedAndNothingWhenItExists() {
        Path folder = tempDir.resolve("made/by/query");

        Result first = ok(cli.run("query", "SELECT id FROM profiles", "--out", folder.resolve("r.csv").toString()));
        Result again = ok(cli.run("query", "SELECT id FROM profiles", "--out", folder.resolve("r2.csv").toString()));

        assertEquals(List.of("note: created folder " + folder + " for the output"), notes(first));
        assertEquals(List.of(), notes(again));
        assertTrue(Files.isRegularFile(folder.resolve("r.csv")));
    }

    @Test
    void exportNotesTheFolderItCreated() {
        Path folder = tempDir.resolve("made/by/export");

        Result result = ok(cli.run("export", "profiles", "--out", folder.resolve("p.parquet").toString()));

        assertEquals(List.of("note: created folder " + folder + " for the output"), notes(result));
    }

    @Test
    void datasetNotesTheFolderOnceForAllItsSplitFiles() throws Exception {
        Path folder = tempDir.resolve("made/by/dataset");
        Path labels = Files.writeString(tempDir.resolve("labels.csv"), "user,at\np1,1700000050\np1,1700000060\n");

        Result result = ok(cli.run("dataset", "--base", labels.toString(), "--base-id", "user", "--base-time", "at",
                "--join", "profiles", "--split", "train=0.5,test=0.5", "--out", folder.resolve("s.csv").toString()));

        assertEquals(List.of("note: created folder " + folder + " for the output"), notes(result));
        assertTrue(Files.isRegularFile(folder.resolve("s-train.csv")) && Files.isRegularFile(folder.resolve("s-test.csv")));
    }

    private static List<String> notes(Result result) {
        return result.errLines().stream().filter(l -> l.startsWith("note:")).toList();
    }
}
