package org.featureworkbench.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.h2.mvstore.db.MVTable;
import org.h2.table.Table;

/**
 * Not a test (the name does not end in Test): what {@link TornIndexes} costs on the first opening
 * after a kill, against the {@code SHUTDOWN COMPACT} that opening already does, on a table shaped
 * like an online group (a VARCHAR record id, an expiry index). Run with the command in
 * docs/benchmarks.md ("The index repair after a kill"). Argument: the number of rows (1,000,000).
 */
public final class TornIndexesCost {
    private TornIndexesCost() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("fwb-torn-indexes");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID VARCHAR PRIMARY KEY, CITY VARCHAR, AMOUNT DOUBLE, N BIGINT, SEGMENT VARCHAR,"
                    + " EXPIRES BIGINT)");
            s.execute("CREATE INDEX T_EXPIRES ON T (EXPIRES)");
            long t0 = System.nanoTime();
            s.execute("INSERT INTO T SELECT 'customer-' || X, 'city' || MOD(X, 100), X * 0.5, X, 'segment-' || MOD(X, 7),"
                    + " CASE WHEN MOD(X, 3) = 0 THEN NULL ELSE 1700000000000 + X END FROM SYSTEM_RANGE(1, " + rows + ")");
            System.out.printf("%,d rows inserted in %.2f s%n", rows, seconds(t0));
            MVTable table = null;
            for (Table t : FailedClose.databaseOf(c).getAllTablesAndViews()) {
                table = t.getName().equals("T") ? (MVTable) t : table;
            }
            for (int i = 1; i <= 3; i++) {
                long start = System.nanoTime();
                int[] fixed = TornIndexes.repair(table);
                System.out.printf("repair %d of a healthy table: %.2f s (removed %d, added %d, clashes %d)%n", i,
                        seconds(start), fixed[0], fixed[1], fixed[2]);
            }
            long start = System.nanoTime();
            s.execute("SHUTDOWN COMPACT");
            System.out.printf("SHUTDOWN COMPACT: %.2f s%n", seconds(start));
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
