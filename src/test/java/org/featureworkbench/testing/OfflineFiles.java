package org.featureworkbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/** Reads a workspace's offline store back with DuckDB, as a user's notebook would. */
public final class OfflineFiles {
    private OfflineFiles() {
    }

    /** Published Parquet files of the group (any creation time), 0 when there is none. */
    public static long files(Path workspace, String group) {
        Path root = workspace.resolve("offline-store");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".parquet") && !p.getFileName().toString().startsWith(".")
                    && root.relativize(p).getName(0).toString().startsWith(group + "-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of a one-value DuckDB query over the group's files, available as the view {@code t}. */
    public static long scalar(Path workspace, String group, String sql) {
        if (files(workspace, group) == 0) {
            return 0;
        }
        String glob = workspace.resolve("offline-store").toString().replace('\\', '/') + "/" + group
                + "-*/data/**/*.parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW t AS SELECT * FROM read_parquet('" + glob + "', union_by_name = true)");
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows in the group's offline store. */
    public static long rows(Path workspace, String group) {
        return scalar(workspace, group, "SELECT count(*) FROM t");
    }
}
