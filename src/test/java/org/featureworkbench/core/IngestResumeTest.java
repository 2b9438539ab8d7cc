package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.testing.OfflineFiles;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job records and {@code resume} in one process: a job "dies" at a milestone (an Error thrown from
 * the milestone hook stands in for the process ending: nothing after it runs, the lock is released),
 * and the resume ends with every row offline exactly once and the newest version per id online.
 * The same with real SIGKILLed child processes is {@code IngestKilledIT}.
 */
class IngestResumeTest {
    private static final int ROWS = 400;
    private static final int IDS = 50;

    @TempDir
    Path tmp;
    FeatureStore store;
    Path workspace;
    Path file;

    /** Stands in for the process ending at a milestone. */
    static final class Died extends Error {
    }

    @BeforeEach
    void open() throws IOException {
        workspace = tmp.resolve("workspace");
        store = Workspace.open(workspace);
        store.createFeatureGroup(Definitions.customers("customers")
                .withOnlineStore(OnlineStoreConfig.ENABLED).withTags(Map.of()));
        StringBuilder text = new StringBuilder("customer_id,event_time,age,score\n");
        for (int i = 0; i < ROWS; i++) {
            int minute = i % 3 == 2 ? i - 60 : i; // every third row is older: history mixed in
            text.append("c").append(i % IDS).append(",2024-05-01T").append(String.format("%02d:%02d:00Z",
                    10 + Math.floorDiv(minute, 60), Math.floorMod(minute, 60))).append(',').append(i).append(",\n");
        }
        file = Files.writeString(tmp.resolve("rows.csv"), text);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Runs the ingest with checkpoints every 100 rows until it dies at the {@code nth} {@code milestone}. */
    IngestJobRecord dieAt(IngestJobTracker.Milestone milestone, int nth) {
        int[] seen = {0};
        IngestOperations ops = store.ingest().withLimits(new BatchIngest.Limits(100, 1000, 10))
                .withMilestoneHook(m -> {
                    if (m == milestone && ++seen[0] == nth) {
                        throw new Died();
                    }
                });
        assertThrows(Died.class, () -> ops.ingest(IngestRequest.of("customers", file), null));
        List<IngestJobRecord> interrupted = store.ingest().interruptedJobs();
        assertEquals(1, interrupted.size(), "the job is listed as interrupted");
        return interrupted.get(0);
    }

    void assertEveryRowOnceAndNewestOnline() {
        assertEquals(ROWS, OfflineFiles.rows(workspace, "customers"), "every row offline exactly once");
        assertEquals(ROWS, OfflineFiles.scalar(workspace, "customers",
                "SELECT count(DISTINCT age) FROM t"), "no row twice, none missing");
        assertEquals(IDS, store.records().stats("customers").onlineRecords());
        for (int id = 0; id < IDS; id++) {
            long newest = OfflineFiles.scalar(workspace, "customers",
                    "SELECT arg_max(age, event_time) FROM t WHERE customer_id = 'c" + id + "'");
            assertEquals(newest, (Long) store.records().getRecord("customers", "c" + id, null).orElseThrow()
                    .value("age"), "online c" + id + " is its newest offline row");
        }
    }

    IngestSummary resume(IngestJobRecord record) {
        IngestSummary summary = store.ingest().resume(record.id(), null);
        assertEquals(IngestJobRecord.Status.SUCCEEDED, store.ingest().workspaceJobs().get(0).status());
        assertTrue(store.ingest().interruptedJobs().isEmpty());
        return summary;
    }

    @Test
    void aJobThatDiesBeforeItsFirstPublishIsResumedFromTheStart() {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.FILES_PUBLISHED, 1);

        assertEquals(0, record.checkpoints());
        IngestSummary summary = resume(record);

        assertEquals(ROWS, summary.writtenOffline());
        assertEveryRowOnceAndNewestOnline();
    }

    @Test
    void filesOfAPublishTheRecordDoesNotCountAreReplacedNotDuplicated() {
        // Dies after the second publish's files are renamed, before the record counts them.
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.FILES_PUBLISHED, 2);
        assertEquals(1, record.checkpoints());
        assertEquals(200, OfflineFiles.rows(workspace, "customers"), "two publishes are on disk");

        IngestSummary summary = resume(record);

        assertEquals(ROWS - 100, summary.writtenOffline(), "the recorded first 100 rows are not written again");
        assertEveryRowOnceAndNewestOnline();
    }

    @Test
    void compactionWaitsForTheResumeSoTheUncountedPublishCanStillBeReplaced() {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.FILES_PUBLISHED, 2);
        FeatureStoreException refused = assertThrows(FeatureStoreException.class,
                () -> store.records().compact("customers"));
        assertTrue(refused.getMessage().contains("ingest --resume " + record.id()), refused.getMessage());
        assertEquals(200, OfflineFiles.rows(workspace, "customers"), "nothing was merged");

        resume(record);
        store.records().compact("customers");
        assertEveryRowOnceAndNewestOnline();
    }

    @Test
    void aPublishKilledBetweenItsRenamesIsReplacedNotDuplicated() throws IOException {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.FILES_PUBLISHED, 2);
        // As if the kill came after the first rename of the second publish: only one of its files is visible.
        List<Path> second;
        try (var files = Files.walk(workspace.resolve("offline-store"))) {
            second = files.filter(p -> p.getFileName().toString().matches(
                    ".*_" + record.token() + "0002[0-9A-Z]{4}\\.parquet")).sorted().toList();
        }
        assertTrue(second.size() >= 2, "the second publish wrote several hour files: " + second);
        for (Path p : second.subList(1, second.size())) {
            Files.delete(p);
        }

        resume(record);

        assertEveryRowOnceAndNewestOnline();
    }

    @Test
    void aJobThatDiesAfterSomeCheckpointsWritesOnlyTheRest() {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.CHECKPOINT_RECORDED, 3);
        assertEquals(3, record.checkpoints());
        assertEquals(300, record.rowsPublished());

        IngestSummary summary = resume(record);

        assertEquals(100, summary.writtenOffline());
        assertEveryRowOnceAndNewestOnline();
    }

    @Test
    void aJobThatDiesBetweenOfflineAndOnlineCompletesTheOnlineStore() {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.OFFLINE_DONE, 1);
        assertTrue(record.offlineDone());
        assertTrue(store.records().stats("customers").onlineRecords() < IDS, "online is incomplete before");

        IngestSummary summary = resume(record);

        assertEquals(0, summary.writtenOffline());
        assertEveryRowOnceAndNewestOnline();
    }

    @Test
    void theResumeCanNameTheFileInsteadOfTheJob() {
        dieAt(IngestJobTracker.Milestone.ONLINE_BATCH, 2);

        store.ingest().resume(file.toString(), null);

        assertEveryRowOnceAndNewestOnline();
    }

    @Test
    void aRunningJobIsListedAsRunningAndCannotBeResumedTwice() {
        List<IngestJobRecord.Status> seen = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        IngestOperations ops = store.ingest().withLimits(new BatchIngest.Limits(100, 1000, 10))
                .withMilestoneHook(m -> {
                    if (m == IngestJobTracker.Milestone.CHECKPOINT_RECORDED && seen.isEmpty()) {
                        IngestJobRecord r = store.ingest().workspaceJobs().get(0);
                        seen.add(r.status());
                        refused.add(assertThrows(FeatureStoreException.class,
                                () -> store.ingest().submitResume(r.id())).getMessage());
                    }
                });

        ops.ingest(IngestRequest.of("customers", file), null);

        assertEquals(List.of(IngestJobRecord.Status.RUNNING), seen);
        assertTrue(refused.get(0).contains("still running"), refused.get(0));
        IngestJobRecord done = store.ingest().workspaceJobs().get(0);
        assertEquals(IngestJobRecord.Status.SUCCEEDED, done.status());
        assertEquals(ROWS, done.rowsRead());
        assertTrue(done.ended() != null && !done.ended().isBefore(done.started()));
        assertTrue(assertThrows(FeatureStoreException.class, () -> store.ingest().submitResume(done.id()))
                .getMessage().contains("nothing to resume"));
    }

    @Test
    void aChangedFileIsNotResumed() throws IOException {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.CHECKPOINT_RECORDED, 1);
        Files.writeString(file, "customer_id,event_time,age,score\nc1,2024-05-01T10:00:00Z,1,\n");

        FeatureStoreException e = assertThrows(FeatureStoreException.class,
                () -> store.ingest().submitResume(record.id()));

        assertTrue(e.getMessage().contains("changed since the ingest started"), e.getMessage());
        assertTrue(store.ingest().interruptedJobs().isEmpty(), "no longer reported as interrupted");
        IngestJobRecord failed = store.ingest().workspaceJobs().get(0);
        assertEquals(IngestJobRecord.Status.FAILED, failed.status());
        assertEquals(e.getMessage(), failed.message());
    }

    @Test
    void checkReportsAnInterruptedIngestAsAWarningWithTheResumeUntilItIsResumed() {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.CHECKPOINT_RECORDED, 2);

        org.featureworkbench.health.HealthReport report = store.health().check();

        assertFalse(report.damaged(), "not damage: nothing stored is wrong");
        assertEquals(1, report.findings().size(), report.findings().toString());
        org.featureworkbench.health.Finding finding = report.findings().get(0);
        assertEquals(org.featureworkbench.health.Finding.Kind.INGEST_INTERRUPTED, finding.kind());
        assertTrue(finding.problem().contains("ingest " + record.id() + " of " + file + " into 'customers' was interrupted"),
                finding.problem());
        assertEquals("200 of its rows are in the offline store, the rest of the file is not stored yet", finding.meaning());
        assertTrue(finding.action().contains("ingest --resume " + record.id())
                && finding.action().contains("jobs --abandon " + record.id()), finding.action());

        resume(record);
        assertTrue(store.health().check().healthy(), "resumed: nothing left to report");
    }

    @Test
    void anAbandonedJobIsNoLongerReportedAndKeepsWhatItStored() {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.CHECKPOINT_RECORDED, 2);

        IngestJobRecord abandoned = store.ingest().abandon(record.id());

        assertEquals(IngestJobRecord.Status.CANCELLED, abandoned.status());
        assertTrue(store.ingest().interruptedJobs().isEmpty());
        assertEquals(200, OfflineFiles.rows(workspace, "customers"));
    }

    @Test
    void aPlainRerunOfAnInterruptedIngestsFileIsRefusedUntilItIsResumed() throws IOException {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.CHECKPOINT_RECORDED, 2);
        assertEquals(200, OfflineFiles.rows(workspace, "customers"));
        long onlineBefore = store.records().stats("customers").onlineRecords();

        // The same file, named through a link: still the interrupted ingest's file.
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), file);
        for (Path named : List.of(file, link)) {
            InterruptedIngestException refused = assertThrows(InterruptedIngestException.class,
                    () -> store.ingest().ingest(IngestRequest.of("customers", named), null));
            String m = refused.getMessage();
            assertTrue(m.contains("ingest " + record.id()) && m.contains("storing 200 of them offline")
                    && m.contains("'ingest --resume " + record.id() + "'")
                    && m.contains("'jobs --abandon " + record.id() + "'") && m.contains("twice"), m);
            assertEquals(record.id(), refused.job().id());
        }
        assertEquals(200, OfflineFiles.rows(workspace, "customers"), "nothing written by the refused runs");
        assertEquals(onlineBefore, store.records().stats("customers").onlineRecords());
        assertEquals(List.of(record.id()), store.ingest().interruptedJobs().stream().map(IngestJobRecord::id).toList(),
                "the interrupted job stays resumable");

        resume(record);

        assertEveryRowOnceAndNewestOnline();
    }

    @Test
    void afterAbandoningTheInterruptedIngestTheRerunStoresEveryRowAgain() {
        IngestJobRecord record = dieAt(IngestJobTracker.Milestone.CHECKPOINT_RECORDED, 2);
        store.ingest().abandon(record.id());

        IngestSummary rerun = store.ingest().ingest(IngestRequest.of("customers", file), null);

        assertEquals(ROWS, rerun.writtenOffline());
        assertEquals(ROWS + 200, OfflineFiles.rows(workspace, "customers"),
                "the abandoned ingest's 200 rows are there twice, as the refusal said");
    }

    @Test
    void aChangedFileOrAnotherGroupIsANewIngestNotARerun() throws IOException {
        store.createFeatureGroup(Definitions.customers("others").withOnlineStore(OnlineStoreConfig.ENABLED)
                .withTags(Map.of()));
        dieAt(IngestJobTracker.Milestone.CHECKPOINT_RECORDED, 1);

        assertEquals(ROWS, store.ingest().ingest(IngestRequest.of("others", file), null).writtenOffline());
        Files.writeString(file, "customer_id,event_time,age,score\nc1,2024-05-01T10:00:00Z,1,\n");
        assertEquals(1, store.ingest().ingest(IngestRequest.of("customers", file), null).writtenOffline());
    }
}
