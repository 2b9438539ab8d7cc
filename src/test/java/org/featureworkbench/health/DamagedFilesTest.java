package org.featureworkbench.health;

import static org.featureworkbench.health.DamagedWorkspace.GROUP;
import static org.featureworkbench.health.DamagedWorkspace.kinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.workspace.Workspace;
import org.featureworkbench.testing.DamagedTablePages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The damaged-file suite of issue 12: each kind of damage is found, reported and repaired. */
class DamagedFilesTest {
    @TempDir
    static Path shared;
    private static DamagedWorkspace seeded;

    @TempDir
    Path temp;

    @BeforeAll
    static void seedOnce() {
        seeded = new DamagedWorkspace(shared.resolve("seeded")).seed();
    }

    /** A fresh copy of the seeded workspace (seeding once keeps the suite quick). */
    private DamagedWorkspace copy() throws IOException {
        DamagedWorkspace w = new DamagedWorkspace(temp.resolve("ws"));
        DamagedTablePages.copyTree(seeded.dir, w.dir);
        w.expected.putAll(seeded.expected);
        return w;
    }

    @Test
    void aHealthyWorkspaceChecksClean() throws IOException {
        DamagedWorkspace w = copy();
        try (FeatureStore store = Workspace.open(w.dir)) {
            HealthReport report = store.health().check();
            assertTrue(report.healthy(), report.findings().toString());
            assertTrue(store.health().atOpening().healthy());
            assertTrue(report.checked().contains("Parquet files"), report.checked());
        }
    }

    @Test
    void aDeletedOnlineTableIsFoundAndRebuiltFromTheOfflineStore() throws Exception {
        DamagedWorkspace w = copy();
        try (FeatureStore store = Workspace.open(w.dir)) {
            w.dropOnlineTable(store.describeFeatureGroup(GROUP));
        }
        try (FeatureStore store = Workspace.open(w.dir)) {
            assertEquals(java.util.Set.of(Finding.Kind.ONLINE_TABLE_MISSING), kinds(store.health().atOpening()),
                    "the opening check says so");
            HealthReport report = store.health().check();
            assertTrue(report.damaged());
            RepairReport repair = store.health().repair();
            assertTrue(repair.complete(), repair.toString());
            assertTrue(repair.repaired().get(0).contains((DamagedWorkspace.RECORDS - 1) + " records, 1 deleted"),
                    repair.repaired().toString());
            w.assertEveryRecordReads(store);
        }
    }

    @Test
    void bytesOverwrittenAtSeveralPlacesInTheDatabaseAreFoundOrHarmless() throws Exception {
        int damaged = 0;
        for (double at : new double[] {0.02, 0.2, 0.4, 0.6, 0.8, 0.97}) {
            DamagedWorkspace w = copy();
            DamagedTablePages.overwrite(w.databaseFile(), at, 4096);
            if (repairIfDamaged(w)) {
                damaged++;
            }
            try (FeatureStore store = Workspace.open(w.dir)) {
                assertFalse(store.health().check().damaged(), "clean after repair at " + at);
                w.assertEveryRecordReads(store);
            }
            deleteTree(w.dir);
        }
        assertTrue(damaged > 0, "some of the overwritten places hold live pages");
    }

    @Test
    void aDatabaseFileThatCannotBeOpenedIsSetAsideAndRebuilt() throws Exception {
        DamagedWorkspace w = copy();
        DamagedTablePages.overwrite(w.databaseFile(), 0, (int) Files.size(w.databaseFile()));
        DamagedDatabaseException e = assertThrows(DamagedDatabaseException.class, () -> Workspace.open(w.dir));
        assertTrue(e.getMessage().contains("'feature-workbench repair'"), e.getMessage());
        HealthReport report = HealthOperations.checkWithoutDatabase(w.dir);
        assertTrue(kinds(report).contains(Finding.Kind.DATABASE_UNREADABLE));
        RepairReport repair = HealthOperations.repairWithNewDatabase(w.dir);
        assertTrue(repair.complete(), repair.toString());
        assertTrue(repair.repaired().stream().anyMatch(r -> r.contains("restored feature group 'customers'")));
        try (Stream<Path> kept = Files.walk(w.dir.resolve("damaged"))) {
            assertTrue(kept.anyMatch(p -> p.getFileName().toString().equals("workbench.mv.db")), "never deleted");
        }
        try (FeatureStore store = Workspace.open(w.dir)) {
            w.assertEveryRecordReads(store);
        }
    }

    @Test
    void aTruncatedParquetFileIsMovedAsideAndNamedAsNotRestored() throws Exception {
        DamagedWorkspace w = copy();
        Path file = w.parquetFiles().get(0);
        try (FeatureStore store = Workspace.open(w.dir)) {
            // The window is open and has queried: Explore's copy of the offline store holds the file's rows.
            long rowsBefore = offlineRows(store);
            long size = Files.size(file);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(size / 2);
            }
            HealthReport report = store.health().check();
            assertEquals(List.of(Finding.Kind.OFFLINE_FILE_DAMAGED), report.findings().stream().map(Finding::kind).toList());
            assertTrue(report.findings().get(0).problem().contains(file.getFileName().toString()));
            RepairReport repair = store.health().repair();
            assertFalse(repair.complete(), "its rows are lost and the report says so");
            assertTrue(repair.notRestored().get(0).contains(file.getFileName().toString()), repair.notRestored().toString());
            assertFalse(Files.exists(file));
            assertFalse(repair.after().damaged());
            assertTrue(offlineRows(store) < rowsBefore, "queries no longer see the rows of the file moved aside");
        }
        try (Stream<Path> kept = Files.walk(w.dir.resolve("damaged"))) {
            assertTrue(kept.anyMatch(p -> p.getFileName().equals(file.getFileName())), "moved, not deleted");
        }
    }

    private static long offlineRows(FeatureStore store) {
        try (org.featureworkbench.query.QueryResult count = store.query().run("SELECT count(*) FROM "
                + DamagedWorkspace.GROUP, org.featureworkbench.query.QueryOptions.DEFAULT,
                new org.featureworkbench.query.QueryCancellation())) {
            return ((Number) count.page(0, 1).get(0)[0]).longValue();
        }
    }

    @Test
    void aGroupLostFromTheCatalogIsRestoredFromItsDefinitionFile() throws Exception {
        DamagedWorkspace w = copy();
        try (FeatureStore store = Workspace.open(w.dir)) {
            w.sql("DELETE FROM FWB_FEATURE_GROUP");
        }
        try (FeatureStore store = Workspace.open(w.dir)) {
            assertTrue(kinds(store.health().atOpening()).contains(Finding.Kind.GROUP_MISSING_FROM_CATALOG));
            RepairReport repair = store.health().repair();
            assertTrue(repair.complete(), repair.toString());
            assertEquals(List.of("age", "customer_id", "event_time", "score"), store.describeFeatureGroup(GROUP)
                    .features().stream().map(FeatureDefinition::name).sorted().toList());
            w.assertEveryRecordReads(store);
        }
    }

    @Test
    void anOnlineOnlyGroupComesBackFromItsBackupInANewDatabase() throws Exception {
        DamagedWorkspace w = copy();
        try (FeatureStore store = Workspace.open(w.dir)) {
            store.createFeatureGroup(new FeatureGroupDefinition("sessions", "id", "t",
                    List.of(new FeatureDefinition("id", FeatureType.STRING), new FeatureDefinition("t", FeatureType.STRING),
                            new FeatureDefinition("n", FeatureType.INTEGRAL)),
                    "", java.util.Map.of(), new OnlineStoreConfig(true, null), OfflineStoreConfig.DISABLED));
            store.records().putRecord("sessions", Record.builder().put("id", "s1").put("t", "2026-12-01T00:00:00Z")
                    .put("n", "5").build(), null, null);
        }
        assertTrue(Files.exists(w.dir.resolve("backup").resolve("online-only.sql.gz")), "backed up at close");
        DamagedTablePages.overwrite(w.databaseFile(), 0, (int) Files.size(w.databaseFile()));
        RepairReport repair = HealthOperations.repairWithNewDatabase(w.dir);
        assertTrue(repair.repaired().stream().anyMatch(r -> r.contains("'sessions' from the online-only backup: 1 records")),
                repair.repaired().toString());
        try (FeatureStore store = Workspace.open(w.dir)) {
            assertEquals(5L, store.records().getRecord("sessions", "s1", null).orElseThrow().values().get("n"));
            w.assertEveryRecordReads(store);
        }
    }

    /** Repairs when the check finds damage (with a new database when it cannot be opened); true if it did. */
    private static boolean repairIfDamaged(DamagedWorkspace w) {
        try (FeatureStore store = Workspace.open(w.dir)) {
            if (!store.health().check().damaged()) {
                return false;
            }
            RepairReport repair = store.health().repair();
            if (!repair.after().damaged()) {
                return true;
            }
        } catch (DamagedDatabaseException unopenable) {
            assertTrue(HealthOperations.checkWithoutDatabase(w.dir).damaged());
        }
        assertTrue(HealthOperations.repairWithNewDatabase(w.dir).complete());
        return true;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
