package org.featureworkbench.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.Record;
import org.featureworkbench.online.H2OnlineStore;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.workspace.Workspace;

/**
 * A workspace with known contents for the damaged-file tests: group {@code customers} (both
 * stores) with 40 records written twice (the second version wins), one soft-deleted, all flushed
 * to Parquet; and what every record must read as afterwards.
 */
final class DamagedWorkspace {
    static final String GROUP = "customers";
    static final int RECORDS = 40;
    static final String DELETED_ID = "c7";

    final Path dir;
    /** id → expected age online; the deleted id maps to null. */
    final Map<String, Long> expected = new LinkedHashMap<>();

    DamagedWorkspace(Path dir) {
        this.dir = dir;
    }

    DamagedWorkspace seed() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        try (FeatureStore store = Workspace.open(dir)) {
            store.createFeatureGroup(Definitions.customers(GROUP));
            for (int version = 0; version < 2; version++) {
                for (int i = 0; i < RECORDS; i++) {
                    long age = 20 + i + version * 100L;
                    store.records().putRecord(GROUP, Record.builder().put("customer_id", "c" + i)
                            .put("event_time", EventTimes.formatIsoSeconds(base.plusSeconds(version * 60L + i)))
                            .put("age", Long.toString(age)).put("score", "0.5").build(), null, null);
                    expected.put("c" + i, age);
                }
            }
            store.records().deleteRecord(GROUP, DELETED_ID, EventTimes.formatIsoSeconds(base.plusSeconds(3600)),
                    DeletionMode.SOFT_DELETE, null);
            expected.put(DELETED_ID, null);
            store.records().flush(GROUP);
        }
        return this;
    }

    /** Every record reads as expected (the deleted one as absent). */
    void assertEveryRecordReads(FeatureStore store) {
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            Optional<OnlineRecord> record = store.records().getRecord(GROUP, e.getKey(), null);
            if (e.getValue() == null) {
                assertTrue(record.isEmpty(), e.getKey() + " was deleted and must stay deleted");
            } else {
                assertTrue(record.isPresent(), e.getKey() + " must be readable");
                assertEquals(e.getValue(), record.get().values().get("age"), "age of " + e.getKey());
            }
        }
    }

    Path databaseFile() {
        return dir.resolve("online").resolve("workbench.mv.db");
    }

    /** Drops the group's online table behind the store's back. */
    void dropOnlineTable(FeatureGroup group) throws SQLException {
        sql("DROP TABLE \"" + H2OnlineStore.tableName(group) + "\"");
    }

    void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(dir), "fwb", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The published Parquet files of the group, sorted. */
    java.util.List<Path> parquetFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(dir.resolve("offline-store"))) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    static Set<Finding.Kind> kinds(HealthReport report) {
        return report.findings().stream().map(Finding::kind).collect(java.util.stream.Collectors.toSet());
    }
}
