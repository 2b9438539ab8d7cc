package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.engine.Database;
import org.h2.index.Index;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.result.SearchRow;
import org.h2.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two shapes a table's indexes can be stored torn from its rows in (TornIndexes), made by
 * hand in the maps, as a kill mid-write left them in KillAtRandomPointsIT's file: each makes a
 * statement fail until the indexes are repaired.
 */
class TornIndexesTest {
    @TempDir
    Path dir;

    @Test
    void anEntryOfNoRowAndARowWithoutItsEntryAreRepairedSoWritesOfBothRowsWork() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";LOCK_TIMEOUT=200");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID VARCHAR PRIMARY KEY, V INT, EXP BIGINT)");
            s.execute("CREATE INDEX T_EXP ON T (EXP)");
            s.execute("INSERT INTO T VALUES ('a', 1, 10), ('b', 2, 20), ('c', 3, 30)");
            Database database = FailedClose.databaseOf(c);
            MVTable table = table(database, "T");
            // The row map lost row 'b' (its index entries stayed); the EXP index lost row 'c''s entry.
            long b = rowId(s, "b");
            primary(table).getMVMap().remove(b);
            SearchRow cRow = primary(table).getMVMap().get(rowId(s, "c")).getCurrentValue();
            MVSecondaryIndex exp = secondary(table, "T_EXP");
            SearchRow cEntry = exp.getRowFactory().createRow();
            cEntry.copyFrom(cRow);
            cEntry.setKey(rowId(s, "c"));
            exp.getMVMap().remove(cEntry);

            // What the journal replay met: H2 retries "row not found in primary index" (and, for the
            // missing entry, "row not found when trying to delete") as concurrent updates until its lock timeout.
            SQLException lookup = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE T SET V = 5 WHERE ID = 'b'"));
            assertEquals(org.h2.api.ErrorCode.LOCK_TIMEOUT_1, lookup.getErrorCode(), lookup.getMessage());
            SQLException missing = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE T SET EXP = 31 WHERE ID = 'c'"));
            assertEquals(org.h2.api.ErrorCode.LOCK_TIMEOUT_1, missing.getErrorCode(), missing.getMessage());

            int[] fixed = TornIndexes.repair(table);
            assertEquals(2, fixed[0], "b's entries in both indexes removed");
            assertEquals(1, fixed[1], "c's EXP entry added");

            assertEquals(0, s.executeUpdate("UPDATE T SET V = 5 WHERE ID = 'b'"), "no row 'b' now, as the row map says");
            s.executeUpdate("INSERT INTO T VALUES ('b', 6, 21)");
            assertEquals(1, s.executeUpdate("UPDATE T SET EXP = 31 WHERE ID = 'c'"));
            assertEquals("b:6:21,c:3:31", rows(s, "SELECT ID, V, EXP FROM T USE INDEX (T_EXP) WHERE EXP > 15 ORDER BY EXP"));
            assertEquals("a:1:10,b:6:21,c:3:31", rows(s, "SELECT ID, V, EXP FROM T ORDER BY ID"));
            assertEquals(0, TornIndexes.repair(table)[0] + TornIndexes.repair(table)[1], "nothing left to repair");
        }
    }

    @Test
    void anEntryUnderARowsOldValuesIsReplacedByTheEntryOfItsValues() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db2") + ";LOCK_TIMEOUT=200");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID VARCHAR PRIMARY KEY, EXP BIGINT)");
            s.execute("CREATE INDEX T_EXP ON T (EXP)");
            s.execute("INSERT INTO T VALUES ('a', 10)");
            MVTable table = table(FailedClose.databaseOf(c), "T");
            // The index map holds 'a' under EXP 99 (a later write's), the row map still says 10.
            MVSecondaryIndex exp = secondary(table, "T_EXP");
            SearchRow stored = exp.getMVMap().firstKey();
            SearchRow newer = exp.getRowFactory().createRow();
            newer.copyFrom(stored);
            newer.setValue(1, org.h2.value.ValueBigint.get(99));
            exp.getMVMap().remove(stored);
            exp.getMVMap().put(newer, org.h2.value.ValueNull.INSTANCE);
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE T SET EXP = 11 WHERE ID = 'a'"));

            assertEquals(1, TornIndexes.repair(table)[0]);

            assertEquals(1, s.executeUpdate("UPDATE T SET EXP = 11 WHERE ID = 'a'"));
            assertEquals("a:11", rows(s, "SELECT ID, EXP FROM T USE INDEX (T_EXP) WHERE EXP < 50"));
            assertEquals("", rows(s, "SELECT ID, EXP FROM T USE INDEX (T_EXP) WHERE EXP > 50"));
        }
    }

    @Test
    void aRowWithoutItsEntryAloneIsFoundByTheCountsAndGetsItsEntry() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db3") + ";LOCK_TIMEOUT=200");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID VARCHAR PRIMARY KEY, EXP BIGINT)");
            s.execute("CREATE INDEX T_EXP ON T (EXP)");
            s.execute("INSERT INTO T VALUES ('a', 10), ('c', 30)");
            MVTable table = table(FailedClose.databaseOf(c), "T");
            MVSecondaryIndex exp = secondary(table, "T_EXP");
            exp.getMVMap().remove(exp.getMVMap().lastKey());
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE T SET EXP = 31 WHERE ID = 'c'"));

            int[] fixed = TornIndexes.repair(table);
            assertEquals(0, fixed[0]);
            assertEquals(1, fixed[1], "no entry was wrong, but the EXP index had fewer entries than rows");

            assertEquals(1, s.executeUpdate("UPDATE T SET EXP = 31 WHERE ID = 'c'"));
            assertEquals("c:31", rows(s, "SELECT ID, EXP FROM T USE INDEX (T_EXP) WHERE EXP > 20"));
        }
    }

    private static MVTable table(Database database, String name) {
        for (Table t : database.getAllTablesAndViews()) {
            if (t.getName().equals(name)) {
                return (MVTable) t;
            }
        }
        throw new AssertionError("no table " + name);
    }

    private static MVPrimaryIndex primary(MVTable table) {
        return (MVPrimaryIndex) table.getScanIndex(null);
    }

    private static MVSecondaryIndex secondary(MVTable table, String name) {
        for (Index index : table.getIndexes()) {
            if (index.getName().equals(name)) {
                return (MVSecondaryIndex) index;
            }
        }
        throw new AssertionError("no index " + name);
    }

    private static long rowId(Statement s, String id) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT _ROWID_ FROM T WHERE ID = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String rows(Statement s, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                if (out.length() > 0) {
                    out.append(',');
                }
                for (int i = 1; i <= columns; i++) {
                    out.append(i > 1 ? ":" : "").append(rs.getString(i));
                }
            }
        }
        return out.toString();
    }
}
