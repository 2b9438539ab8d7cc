package org.featureworkbench.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The rows a training dataset starts from: one output row per base row (DESIGN.md §3). Each base
 * row has a record id (joined to each group's record identifier) and an event time T, the moment
 * at which every joined group's state is read.
 *
 * @param kind       where the rows come from
 * @param source     a group name, a CSV or Parquet file path, or a read-only SQL query
 * @param idColumn   the base column holding record ids; null for a group base (its record identifier)
 * @param timeColumn the base column holding event times (ISO-8601 text or epoch seconds); null for a
 *                   group base (its event time feature)
 */
public record DatasetBase(Kind kind, String source, String idColumn, String timeColumn) {
    /** Where base rows come from. */
    public enum Kind {
        /** A feature group's deduplicated history. */
        GROUP,
        /** A CSV or Parquet file of labelled events (an "entity file"). */
        FILE,
        /** A read-only query over the engine's views. */
        QUERY
    }

    public DatasetBase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        idColumn = blankToNull(idColumn);
        timeColumn = blankToNull(timeColumn);
    }

    public static DatasetBase group(String name) {
        return new DatasetBase(Kind.GROUP, name, null, null);
    }

    /** A file base; its path is kept absolute, so a manifest rebuilds from any working folder. */
    public static DatasetBase file(Path file, String idColumn, String timeColumn) {
        return new DatasetBase(Kind.FILE, file.toAbsolutePath().normalize().toString(), idColumn, timeColumn);
    }

    public static DatasetBase query(String sql, String idColumn, String timeColumn) {
        return new DatasetBase(Kind.QUERY, sql, idColumn, timeColumn);
    }

    /** A short description for messages and the datasets list. */
    public String describe() {
        return switch (kind) {
            case GROUP -> "group " + source;
            case FILE -> "file " + Path.of(source).getFileName();
            case QUERY -> "query";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
