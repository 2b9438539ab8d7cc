package org.featureworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.testing.OfflineFiles;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest}: both stores, deduplication, convergence, targets, rejects, on-error fail. */
class IngestCommandTest {
    static final String HEADER = "customer_id,event_time,age,score\n";

    @TempDir
    Path tmp;
    CliRunner cli;

    @BeforeEach
    void runner() {
        cli = new CliRunner(tmp);
    }

    Optional<OnlineRecord> online(String group, String id) {
        try (FeatureStore store = Workspace.open(cli.workspace)) {
            return store.records().getRecord(group, id, null);
        }
    }

    long onlineCount(String group) {
        try (FeatureStore store = Workspace.open(cli.workspace)) {
            return store.records().stats(group).onlineRecords();
        }
    }

    Path csv(String name, String... rows) {
        return cli.file(name, HEADER + String.join("\n", rows) + "\n");
    }

    @Test
    void ingestWithCreateMakesTheGroupAndStoresTheRowsOnlineAndOffline() {
        Path file = csv("customers.csv", "c1,2024-05-01T10:00:00Z,30,0.5", "c2,2024-05-01T11:30:00Z,41,");

        CliRunner.Result r = cli.run("ingest", "customers", file.toString(), "--create");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("into customers: read 2, online 2, offline 2, rejected 0,"), r.out());
        assertTrue(r.out().matches("(?s).*rejected 0, \\d+\\.\\d\\d s, \\d+ rows/s\\n"), r.out());
        assertTrue(r.err().contains("note: record identifier: 'customer_id'"), r.err());
        assertEquals(30L, online("customers", "c1").orElseThrow().value("age"));
        assertEquals(2, OfflineFiles.rows(cli.workspace, "customers"));
        assertEquals(2, OfflineFiles.files(cli.workspace, "customers"), "one file per event-time hour");
        assertEquals(41, OfflineFiles.scalar(cli.workspace, "customers", "SELECT age FROM t WHERE customer_id = 'c2'"));
    }

    @Test
    void inFileDuplicatesLeaveTheNewestVersionOnlineAndEveryVersionOffline() {
        Path file = csv("dups.csv", "c1,2024-05-01T10:00:00Z,1,", "c1,2024-05-01T12:00:00Z,3,",
                "c1,2024-05-01T11:00:00Z,2,", "c2,2024-05-01T10:00:00Z,7,", "c2,2024-05-01T10:00:00Z,8,");

        CliRunner.Result r = cli.run("ingest", "customers", file.toString(), "--create", "--record-id", "customer_id");

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("read 5, online 2, offline 5, rejected 0"), r.out());
        assertEquals(3L, online("customers", "c1").orElseThrow().value("age"));
        assertEquals(8L, online("customers", "c2").orElseThrow().value("age"), "equal event times: the later row wins");
        assertEquals(5, OfflineFiles.rows(cli.workspace, "customers"));
    }

    @Test
    void reIngestingTheSameFileConvergesOnlineAndOnlyDuplicatesOffline() {
        Path file = csv("customers.csv", "c1,2024-05-01T10:00:00Z,1,", "c1,2024-05-01T12:00:00Z,3,",
                "c2,2024-05-01T10:00:00Z,7,0.25");
        assertEquals(0, cli.run("ingest", "customers", file.toString(), "--create", "--record-id", "customer_id")
                .exitCode());

        CliRunner.Result again = cli.run("ingest", "customers", file.toString());

        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(3L, online("customers", "c1").orElseThrow().value("age"));
        assertEquals(0.25, online("customers", "c2").orElseThrow().value("score"));
        assertEquals(2, onlineCount("customers"));
        assertEquals(6, OfflineFiles.rows(cli.workspace, "customers"));
        assertEquals(3, OfflineFiles.scalar(cli.workspace, "customers",
                "SELECT count(*) FROM (SELECT DISTINCT customer_id, event_time, age, score FROM t)"),
                "the second copy only duplicates versions, which query-time dedupe removes");
    }

    @Test
    void rowsOlderThanTheStoredRecordDoNotOverwriteOnlineButReachOffline() {
        assertEquals(0, cli.run("ingest", "customers", csv("new.csv", "c1,2024-05-02T10:00:00Z,9,").toString(),
                "--create").exitCode());

        CliRunner.Result r = cli.run("ingest", "customers",
                csv("old.csv", "c1,2024-05-01T10:00:00Z,1,", "c2,2024-05-01T10:00:00Z,2,").toString());

        assertTrue(r.out().contains("read 2, online 1, offline 2"), r.out());
        assertEquals(9L, online("customers", "c1").orElseThrow().value("age"));
        assertEquals(2L, online("customers", "c2").orElseThrow().value("age"));
        assertEquals(3, OfflineFiles.rows(cli.workspace, "customers"));
    }

    @Test
    void targetStoresChooseWhichStoresAreWritten() {
        Path file = csv("customers.csv", "c1,2024-05-01T10:00:00Z,1,");
        assertEquals(0, cli.run("ingest", "customers", file.toString(), "--create", "--target", "offline").exitCode());
        assertEquals(0, onlineCount("customers"));
        assertEquals(1, OfflineFiles.rows(cli.workspace, "customers"));

        CliRunner.Result online = cli.run("ingest", "customers", file.toString(), "--target", "online");

        assertTrue(online.out().contains("read 1, online 1, offline 0"), online.out());
        assertEquals(1, onlineCount("customers"));
        assertEquals(1, OfflineFiles.rows(cli.workspace, "customers"));
    }

    @Test
    void badRowsGoToTheRejectsFileWithLineReasonAndOriginalText() throws IOException {
        Path file = csv("bad.csv", "c1,2024-05-01T10:00:00Z,1,", "c2,2024-05-01T10:00:00Z,abc,", ",2024-05-01T10:00:00Z,3,",
                "c4,2024-05-01T10:00:00Z,4,");
        createCustomers();
        Path rejects = tmp.resolve("rejects.csv");

        CliRunner.Result r = cli.run("ingest", "customers", file.toString(), "--rejects", rejects.toString());

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("read 4, online 2, offline 2, rejected 2") && r.out().contains("rejects in " + rejects),
                r.out());
        List<String> lines = Files.readAllLines(rejects);
        assertEquals("line,reason,original", lines.get(0));
        assertTrue(lines.get(1).startsWith("3,\"line 3: age (Integral): 'abc' is not a whole number"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",\"c2,2024-05-01T10:00:00Z,abc,\""), lines.get(1));
        assertTrue(lines.get(2).startsWith("4,line 4: customer_id (String): the record identifier is empty"), lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void columnsTheGroupLacksAreNamedWithTheWayToKeepThemAndAddNewColumnsKeepsThem() {
        createCustomers();
        Path file = cli.file("updated.csv", "customer_id,event_time,age,email,first name\n"
                + "c1,2024-05-01T10:00:00Z,30,ann@example.com,Ann\n");

        CliRunner.Result skipped = cli.run("ingest", "customers", file.toString());
        assertEquals(0, skipped.exitCode(), skipped.toString());
        assertTrue(skipped.err().contains("note: columns not in the group, ignored: email, first name\n"), skipped.err());
        assertTrue(skipped.err().contains("note: to keep that column, add it as a feature (email (String)) and ingest the"
                + " file again with --add-new-columns\n"), skipped.err());
        assertTrue(skipped.err().contains("note: column 'first name' is not a valid feature name; rename it to first_name"
                + " in the file to keep it\n"), skipped.err());

        Path noEventTime = cli.file("no_time.csv", "customer_id,email\nc1,ann@example.com\n");
        CliRunner.Result refused = cli.run("ingest", "customers", noEventTime.toString(), "--add-new-columns");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("the file has no column for the event time 'event_time', so it cannot be"
                + " ingested and no feature was added"), refused.err());

        CliRunner.Result added = cli.run("ingest", "customers", file.toString(), "--add-new-columns");
        assertEquals(0, added.exitCode(), added.toString());
        assertTrue(added.err().contains("note: added 1 feature to customers: email (String); it now has 5 features\n"),
                added.err());
        assertEquals(1, added.err().split("is not a valid feature name", -1).length - 1, "told once: " + added.err());
        assertEquals("ann@example.com", online("customers", "c1").orElseThrow().value("email"));

        CliRunner.Result again = cli.run("ingest", "customers", file.toString(), "--add-new-columns");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.err().contains("note: no column can be added as it is named\n"), again.err());

        CliRunner.Result resumeWith = cli.run("ingest", "--resume", "x", "--add-new-columns");
        assertEquals(2, resumeWith.exitCode(), resumeWith.toString());

        CliRunner.Result withCreate = cli.run("ingest", "other", file.toString(), "--create", "--add-new-columns");
        assertEquals(2, withCreate.exitCode(), withCreate.toString());
        assertTrue(withCreate.err().contains("--add-new-columns adds columns to an existing group"), withCreate.err());
    }

    void createCustomers() {
        assertEquals(0, cli.run("group", "create", "--name", "customers", "--record-id", "customer_id", "--event-time",
                "event_time", "--feature", "customer_id:String", "--feature", "event_time:String", "--feature",
                "age:Integral", "--feature", "score:Fractional").exitCode());
    }

    @Test
    void onErrorFailWritesNothingAndNamesTheFirstBadLineAndTheCount() {
        createCustomers();
        Path file = csv("bad.csv", "c1,2024-05-01T10:00:00Z,1,", "c2,2024-05-01T10:00:00Z,abc,",
                "c3,2024-05-01T10:00:00Z,x,");

        CliRunner.Result r = cli.run("ingest", "customers", file.toString(), "--on-error", "fail");

        assertEquals(1, r.exitCode(), r.toString());
        String error = r.errLines().get(r.errLines().size() - 1);
        assertTrue(error.startsWith("error: bad.csv: 2 rows cannot be stored, so nothing was written"), error);
        assertTrue(error.contains("First: line 3: age (Integral)"), error);
        assertEquals(0, OfflineFiles.files(cli.workspace, "customers"));
        assertEquals(0, onlineCount("customers"));
    }

    @Test
    void onErrorFailWithCreateDoesNotEvenCreateTheGroup() {
        Path file = csv("bad.csv", "c1,2024-05-01T10:00:00Z,1,", "c2,yesterday,2,");

        CliRunner.Result r = cli.run("ingest", "customers", file.toString(), "--create", "--record-id", "customer_id",
                "--event-time", "event_time", "--on-error", "fail");

        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("1 row cannot be stored") && r.err().contains("line 3"), r.err());
        assertEquals(1, cli.run("group", "describe", "customers").exitCode());
    }

    @Test
    void onErrorAcceptsOnlySkipOrFail() {
        CliRunner.Result r = cli.run("ingest", "customers", "x.csv", "--on-error", "maybe");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--on-error must be skip or fail"), r.err());
    }

    @Test
    void aMissingFileIsAOneLineErrorThatNamesIt() {
        CliRunner.Result r = cli.run("ingest", "customers", tmp.resolve("nope.csv").toString(), "--create");

        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("error: file not found: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void jobsListsAFinishedIngestAndResumeSaysWhatItCannotResume() {
        Path file = csv("customers.csv", "c1,2024-05-01T10:00:00Z,30,0.5", "c2,2024-05-01T11:30:00Z,41,");
        CliRunner.Result ingested = cli.run("ingest", "customers", file.toString(), "--create");
        assertEquals(0, ingested.exitCode(), ingested.toString());

        CliRunner.Result jobs = cli.run("jobs");
        assertEquals(0, jobs.exitCode(), jobs.toString());
        assertTrue(jobs.out().startsWith("JOB "), jobs.out());
        assertTrue(jobs.out().lines().skip(1).findFirst().orElseThrow().matches("\\S+Z-\\w{6}\\s+SUCCEEDED\\s+customers\\s+.*"
                + "customers\\.csv\\s+2\\s+2\\s+2\\s+.*"), jobs.out());
        assertTrue(jobs.err().isEmpty(), "no warning without an interrupted ingest: " + jobs.err());

        CliRunner.Result finished = cli.run("ingest", "--resume", file.toString());
        assertEquals(1, finished.exitCode());
        assertTrue(finished.err().contains("no unfinished ingest has the id or file"), finished.err());
        CliRunner.Result mixed = cli.run("ingest", "customers", "--resume", "x");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("give only --resume JOB"), mixed.err());
        CliRunner.Result nothing = cli.run("ingest");
        assertEquals(2, nothing.exitCode());
        assertTrue(nothing.err().contains("name the GROUP and the FILE to ingest"), nothing.err());
    }
}
