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

/** {@code dataset} through the real CLI on a real workspace: a file base, splits, a rebuild, bad input. */
class DatasetCommandTest {
    @TempDir
    Path tempDir;
    CliRunner cli;
    Path labels;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(tempDir);
        ok(RecordCommandsTest.createProfiles(cli));
        ok(cli.run("put", "profiles", "--record={\"id\":\"p1\",\"t\":1700000000,\"age\":41,\"city\":\"Lyon\"}"));
        ok(cli.run("put", "profiles", "--record={\"id\":\"p1\",\"t\":1700000100,\"age\":42,\"city\":\"Nice\"}"));
        ok(cli.run("put", "profiles", "--record={\"id\":\"p2\",\"t\":1700000000,\"age\":30,\"city\":\"Paris\"}"));
        labels = tempDir.resolve("labels.csv");
        // 1700000050 = 2023-11-14T22:14:10Z: between p1's two versions.
        Files.writeString(labels, "user,at,label\np1,2023-11-14T22:14:10Z,1\np1,1700000100,0\np2,1700000050,1\np3,1700000050,0\n");
    }

    @Test
    void buildsSplitsAndRebuildsFromTheManifest() throws Exception {
        Path out = tempDir.resolve("out/train.csv");
        Result built = ok(cli.run("dataset", "--base", labels.toString(), "--base-id", "user", "--base-time", "at",
                "--join", "profiles:age,city", "--out", out.toString()));
        assertTrue(built.out().startsWith("Built 4 rows as of "), built.out());
        assertTrue(built.err().contains("[1/4] Bringing the query copy up to date"), built.err());
        // p3 alone lacks a state: nothing to note about the rows; only the new out/ folder is noted.
        assertEquals(List.of("note: created folder " + out.getParent() + " for the output"),
                built.errLines().stream().filter(l -> l.startsWith("note:")).toList(), built.err());
        assertEquals(List.of("user,at,label,age,city", "p1,2023-11-14T22:14:10Z,1,41,Lyon", "p2,1700000050,1,30,Paris",
                "p3,1700000050,0,,", "p1,1700000100,0,42,Nice"), Files.readAllLines(out));
        Path manifest = tempDir.resolve("out/train.csv.manifest.json");
        assertTrue(built.out().contains("Manifest: " + manifest), built.out());
        ok(cli.run("put", "profiles", "--record={\"id\":\"p2\",\"t\":1699999999,\"age\":77,\"city\":\"Late\"}"));
        Result rebuilt = ok(cli.run("dataset", "--from-manifest", manifest.toString()));
        assertTrue(rebuilt.out().contains("identical to the original"), rebuilt.out());

        Result split = ok(cli.run("dataset", "--base", labels.toString(), "--base-id", "user", "--base-time", "at",
                "--join", "profiles", "--split", "train=0.5,test=0.5", "--out", tempDir.resolve("s.parquet").toString()));
        // Three labels share the first time: they stay together, so "half" is 3 rows, and test is strictly later.
        assertTrue(split.out().contains("s-train.parquet (3 rows)") && split.out().contains("s-test.parquet (1 row)"),
                split.out());
        assertTrue(Files.isRegularFile(tempDir.resolve("s-test.parquet")));

        Path early = Files.writeString(tempDir.resolve("early.csv"), "user,at\np1,2020-01-01T00:00:00Z\n");
        Result before = ok(cli.run("dataset", "--base", early.toString(), "--base-id", "user", "--base-time", "at",
                "--join", "profiles", "--out", tempDir.resolve("early-out.csv").toString()));
        assertTrue(before.err().contains("note: no row has a value from 'profiles': its earliest state has event time"
                + " 2023-11-14T22:13:19Z, after the base's latest (2020-01-01T00:00:00Z)"), before.err()); // p2 of 1699999999
    }

    @Test
    void anEventRangeMayBeOpenAtEitherEnd() throws Exception {
        // labels: p1 22:14:10, p1 22:15:00 (1700000100), p2 and p3 22:14:10 (1700000050)
        Path from = tempDir.resolve("from.csv");
        Path to = tempDir.resolve("to.csv");
        ok(cli.run("dataset", "--base", labels.toString(), "--base-id", "user", "--base-time", "at",
                "--join", "profiles:age", "--event-range", "2023-11-14T22:14:30Z..", "--out", from.toString()));
        ok(cli.run("dataset", "--base", labels.toString(), "--base-id", "user", "--base-time", "at",
                "--join", "profiles:age", "--event-range", "..2023-11-14T22:14:30Z", "--out", to.toString()));
        assertEquals(List.of("user,at,label,age", "p1,1700000100,0,42"), Files.readAllLines(from));
        assertEquals(4, Files.readAllLines(to).size(), "the three rows up to 22:14:30 and the header");
        Result neither = cli.run("dataset", "--base", labels.toString(), "--base-id", "user", "--base-time", "at",
                "--join", "profiles", "--event-range", "..", "--out", "x.csv");
        assertTrue(neither.err().contains("needs a start, an end or both"), neither.err());
        assertEquals(2, neither.exitCode());
    }

    @Test
    void printSqlWithoutOutShowsOnlyTheSql() {
        Result sql = ok(cli.run("dataset", "--base", "profiles", "--join", "profiles:age", "--print-sql"));
        assertTrue(sql.out().contains("ASOF LEFT JOIN"), sql.out());
        assertTrue(!Files.exists(cli.workspace.resolve("datasets")), "nothing built, nothing listed");
    }

    @Test
    void badInputSaysWhichOptionAndHowToFixIt() {
        Result noJoin = cli.run("dataset", "--base", labels.toString(), "--out", "x.csv");
        assertTrue(noJoin.err().contains("--join: join at least one feature group"), noJoin.err());
        Result column = cli.run("dataset", "--base", labels.toString(), "--base-id", "id", "--base-time", "at",
                "--join", "profiles", "--out", "x.csv");
        assertTrue(column.err().contains("--base-id: the base has no column 'id'; labels.csv has: user, at, label"), column.err());
        Result lookback = cli.run("dataset", "--base", labels.toString(), "--base-id", "user", "--base-time", "at",
                "--join", "profiles", "--lookback", "orders=7d", "--out", "x.csv");
        assertTrue(lookback.err().contains("--lookback: group 'orders' is not joined"), lookback.err());
        Result neither = cli.run("dataset", "--base", "nothing-here", "--join", "profiles", "--out", "x.csv");
        assertTrue(neither.err().contains("neither a file, a feature group nor a query"), neither.err());
        Result write = cli.run("dataset", "--base", "DELETE FROM profiles", "--base-id", "id", "--base-time", "t",
                "--join", "profiles", "--out", "x.csv");
        assertTrue(write.err().contains("'DELETE' is refused"), write.err());
        Result split = cli.run("dataset", "--base", "profiles", "--join", "profiles", "--split", "train=0.9,test=0.2",
                "--out", "x.csv");
        assertTrue(split.err().contains("--split: the fractions add up to 1.1"), split.err());
        // options that are missing or contradict each other: usage errors (exit 2); what only the
        // base, the workspace or the query can tell: exit 1
        for (Result r : List.of(noJoin, lookback, split)) {
            assertEquals(2, r.exitCode(), r.toString());
        }
        for (Result r : List.of(column, neither, write)) {
            assertEquals(1, r.exitCode(), r.toString());
        }
        for (Result r : List.of(noJoin, column, lookback, neither, write, split)) {
            assertTrue(!r.err().contains("Exception") && r.err().lines().filter(l -> l.startsWith("error: ")).count() == 1,
                    r.err());
        }
    }
}
