package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * The three shapes a table's indexes can be stored torn from its rows in (TornIndexes), made by
 * hand in the maps, as a kill mid-write left one of them in KillAtRandomPointsIT's file: each makes
 * a statement fail until the indexes are repaired. And what the repair must leave as it is: a live
 * transaction's rows and entries, healthy indexes of every kind of value, a unique key two rows share.
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
            assertArrayEquals(new int[] {0, 0, 0}, TornIndexes.repair(table), "nothing left to repair");
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

    @Test
    void aLiveTransactionsRowsAndEntriesAreLeftAloneAndDoNotHideAMissingEntry() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db4") + ";LOCK_TIMEOUT=200";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             Connection other = DriverManager.getConnection(url); Statement o = other.createStatement()) {
            s.execute("CREATE TABLE T (ID VARCHAR PRIMARY KEY, EXP BIGINT)");
            s.execute("CREATE INDEX T_EXP ON T (EXP)");
            s.execute("INSERT INTO T VALUES ('a', 10), ('b', 20), ('c', 30)");
            MVTable table = table(FailedClose.databaseOf(c), "T");
            // Another session, not committed yet: a new row, and a changed indexed value (two entries for 'a').
            other.setAutoCommit(false);
            o.executeUpdate("INSERT INTO T VALUES ('d', 40)");
            o.executeUpdate("UPDATE T SET EXP = 11 WHERE ID = 'a'");
            // And a torn index: 'c' lost its EXP entry. The live update's extra entry makes the counts equal.
            MVSecondaryIndex exp = secondary(table, "T_EXP");
            SearchRow cEntry = exp.getRowFactory().createRow();
            cEntry.copyFrom(primary(table).getMVMap().get(rowId(s, "c")).getCurrentValue());
            cEntry.setKey(rowId(s, "c"));
            exp.getMVMap().remove(cEntry);
            assertEquals(primary(table).getMVMap().sizeAsLong(), exp.getMVMap().sizeAsLong(), "the counts hide it");

            assertArrayEquals(new int[] {0, 1, 0}, TornIndexes.repair(table), "c's entry added, nothing live touched");

            other.commit();
            assertEquals(1, s.executeUpdate("UPDATE T SET EXP = 31 WHERE ID = 'c'"));
            assertEquals(1, s.executeUpdate("UPDATE T SET EXP = 12 WHERE ID = 'a'"));
            assertEquals("a:12,b:20,c:31,d:40", rows(s, "SELECT ID, EXP FROM T USE INDEX (T_EXP) WHERE EXP > 0 ORDER BY EXP"));
            assertArrayEquals(new int[] {0, 0, 0}, TornIndexes.repair(table));
        }
    }

    @Test
    void healthyIndexesOfEveryKindOfValueAreLeftAsTheyAre() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db5"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID VARCHAR_IGNORECASE PRIMARY KEY, AMOUNT DECFLOAT, AT TIMESTAMP WITH TIME ZONE,"
                    + " CODE INT, NOTE VARCHAR)");
            s.execute("CREATE INDEX T_AMOUNT_AT ON T (AMOUNT, AT)");
            s.execute("CREATE UNIQUE INDEX T_CODE ON T (CODE)");
            s.execute("INSERT INTO T VALUES ('Ab', 1.50, TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+02', NULL, 'x'),"
                    + " ('cd', 1.5E0, TIMESTAMP WITH TIME ZONE '2026-01-01 08:00:00Z', NULL, NULL),"
                    + " ('EF', NULL, NULL, 7, 'y'), ('gh', 1E+2, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00-05', 8, 'z')");
            MVTable table = table(FailedClose.databaseOf(c), "T");
            assertArrayEquals(new int[] {0, 0, 0}, TornIndexes.repair(table));
            assertEquals("Ab,cd,EF,gh", rows(s, "SELECT ID FROM T ORDER BY ID"));
            assertEquals(1, s.executeUpdate("UPDATE T SET AMOUNT = 2 WHERE ID = 'AB'"));
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aUniqueKeyTwoRowsShareGetsNoSecondEntry() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db6") + ";LOCK_TIMEOUT=200");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID VARCHAR PRIMARY KEY, V INT)");
            s.execute("INSERT INTO T VALUES ('x', 1), ('y', 2)");
            MVTable table = table(FailedClose.databaseOf(c), "T");
            // Row 'y' now says it is 'x' too: its entry ('y') disagrees, and 'x' is taken.
            long y = rowId(s, "y");
            SearchRow row = table.getRowFactory().createRow();
            row.copyFrom(primary(table).getMVMap().get(y).getCurrentValue());
            row.setValue(0, org.h2.value.ValueVarchar.get("x"));
            row.setKey(y);
            ((org.h2.mvstore.MVMap) primary(table).getMVMap()).put(y, row);

            assertArrayEquals(new int[] {1, 0, 1}, TornIndexes.repair(table), "y's entry removed, no second 'x' entry");
            assertEquals("x:1", rows(s, "SELECT ID, V FROM T WHERE ID = 'x'"), "the index still finds one row for 'x'");
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
