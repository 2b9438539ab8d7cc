package org.featureworkbench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.query.GroupTables;
import org.featureworkbench.query.QuerySession;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.Sql;
import org.featureworkbench.query.CheckedStatement;
import org.featureworkbench.query.TimeTravel;

/**
 * Turns a {@link DatasetBase} into SQL over one session: a group's history read through time
 * travel, a CSV or Parquet file staged where DuckDB may read it, or a user's checked query whose
 * groups are read as of the build (so a rebuild sees the same rows however much was written since).
 */
final class BaseResolver {
    static final String BASE_ID_FIELD = "--base-id";
    static final String BASE_TIME_FIELD = "--base-time";
    static final String BASE_FIELD = "--base";

    private final QuerySession session;
    private final Function<String, FeatureGroup> groups;
    private final Supplier<List<FeatureGroup>> allGroups;

    BaseResolver(QuerySession session, Function<String, FeatureGroup> groups, Supplier<List<FeatureGroup>> allGroups) {
        this.session = session;
        this.groups = groups;
        this.allGroups = allGroups;
    }

    /**
     * @param joinColumns base columns the joins match on (besides the id column); file bases read them as text
     */
    ResolvedBase resolve(DatasetSpec spec, Instant asOf, Set<String> joinColumns) {
        DatasetBase base = spec.base();
        return switch (base.kind()) {
            case GROUP -> group(spec, asOf);
            case FILE -> file(base, joinColumns, true);
            case QUERY -> query(base, asOf, true);
        };
    }

    /** {@link #resolve} without requiring the id and time columns: a preview to choose them from. */
    ResolvedBase resolveForPreview(DatasetSpec spec, Instant asOf) {
        DatasetBase base = spec.base();
        return switch (base.kind()) {
            case GROUP -> group(spec, asOf);
            case FILE -> file(base, Set.of(), false);
            case QUERY -> query(base, asOf, false);
        };
    }

    private ResolvedBase group(DatasetSpec spec, Instant asOf) {
        FeatureGroup group = groups.apply(spec.base().source());
        if (!group.definition().offlineStore().enabled()) {
            throw new ValidationException(BASE_FIELD, "feature group '" + group.name() + "' has no offline store, so it "
                    + "keeps no history to build a dataset from; choose a group with an offline store or a file");
        }
        GroupTables tables = session.tables(group);
        String rows;
        if (spec.includeDeleted()) {
            rows = HistoryIgnoringDeletes.sql(tables, spec, asOf);
        } else {
            // Markers are left out after deduplication: a row whose (id, event time) ends in a delete is no event.
            TimeTravel read = new TimeTravel(tables).asOf(asOf).eventRange(spec.eventFrom(), spec.eventTo())
                    .includeDuplicates(spec.includeDuplicates());
            rows = (spec.recent() > 0 ? read.recent(spec.recent()) : read.history()).sql();
        }
        String features = group.features().stream().map(f -> Sql.identifier(f.name())).collect(Collectors.joining(", "));
        String source = "SELECT " + features + " FROM (" + rows + ")";
        List<ResultColumn> columns = group.features().stream()
                .map(f -> new ResultColumn(f.name(), GroupTables.sqlType(f.type()))).toList();
        String time = group.definition().eventTimeFeatureName();
        return new ResolvedBase(List.of(), source, columns, group.definition().recordIdentifierFeatureName(), time,
                GroupTables.eventInstant(Sql.identifier(time), tables.eventTimeType()), true, List.of(group), null);
    }

    private ResolvedBase file(DatasetBase base, Set<String> joinColumns, boolean needColumns) {
        Path file = Path.of(base.source());
        if (!Files.isRegularFile(file)) {
            throw new ValidationException(BASE_FIELD, "the base file " + file.toAbsolutePath() + " does not exist"
                    + (Files.isDirectory(file) ? " (it is a folder)" : "") + "; give a CSV or Parquet file of labelled events");
        }
        if (!Files.isReadable(file)) {
            throw new ValidationException(BASE_FIELD, "the base file " + file.toAbsolutePath() + " cannot be read; check its permissions");
        }
        if (isEmpty(file)) {
            throw new ValidationException(BASE_FIELD, "the base file " + file.toAbsolutePath() + " is empty; it needs a "
                    + "header line and a row per labelled event (a record id and an event time)");
        }
        Path staged = session.stageInput(file);
        ResolvedBase.StagedInput input = new ResolvedBase.StagedInput(Sql.literal(staged.toString()),
                Sql.literal(file.toAbsolutePath().normalize().toString()));
        boolean parquet = isParquet(file);
        String plain = parquet ? "read_parquet(" + Sql.literal(staged.toString()) + ")"
                : "read_csv(" + Sql.literal(staged.toString()) + ", header = true)";
        List<ResultColumn> columns = readable(plain, file, parquet);
        if (!needColumns) {
            return new ResolvedBase(List.of(), "SELECT * FROM " + plain, columns, null, null, null, false, List.of(), input);
        }
        String id;
        String time;
        try {
            id = column(columns, base.idColumn(), BASE_ID_FIELD, "record ids", file.getFileName().toString());
            time = column(columns, base.timeColumn(), BASE_TIME_FIELD, "event times", file.getFileName().toString());
        } catch (ValidationException e) {
            throw parquet ? e : new ValidationException(e.field(), e.reason() + shortHeader(staged, file));
        }
        refuseReservedNames(columns);
        if (parquet) {
            return new ResolvedBase(List.of(), "SELECT * FROM " + plain, columns, id, time,
                    BaseTimes.instant(Sql.identifier(time), typeOf(columns, time), BASE_TIME_FIELD), false, List.of(), input);
        }
        // Ids and times are read as the text in the file: "00123" stays "00123" for a String record id,
        // and the output keeps the time exactly as written.
        Set<String> asText = new LinkedHashSet<>();
        asText.add(id);
        asText.add(time);
        for (String c : joinColumns) {
            asText.add(column(columns, c, "--on", "record ids", file.getFileName().toString()));
        }
        String types = asText.stream().map(c -> Sql.literal(c) + ": 'VARCHAR'").collect(Collectors.joining(", ", "{", "}"));
        String typed = "read_csv(" + Sql.literal(staged.toString()) + ", header = true, types = " + types + ")";
        List<ResultColumn> typedColumns = columns.stream()
                .map(c -> asText.contains(c.name()) ? new ResultColumn(c.name(), "VARCHAR") : c).toList();
        return new ResolvedBase(List.of(), "SELECT * FROM " + typed, typedColumns, id, time,
                BaseTimes.instant(Sql.identifier(time), "VARCHAR", BASE_TIME_FIELD), false, List.of(), input);
    }

    /**
     * The base file's columns, or what is wrong with it in our words: DuckDB's own message names
     * the staging copy and reader options the user cannot set (e.g. its CSV sniffer's page-long
     * report on a file of random bytes).
     */
    private List<ResultColumn> readable(String plain, Path file, boolean parquet) {
        try {
            return session.describe("SELECT * FROM " + plain);
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ValidationException(BASE_FIELD, "the base file " + file.toAbsolutePath() + " cannot be read as "
                    + (parquet ? "Parquet (it is not a Parquet file, or it is damaged); give a Parquet file, or a CSV file"
                    + " named .csv" : "CSV (no header line and rows of the same columns were found in it); give a CSV"
                    + " file with a header line, or a Parquet file named .parquet"));
        }
    }

    /**
     * When a CSV's header has fewer names than its rows have fields, DuckDB takes the header for a
     * data row and names the columns after the first row's values: a missing column then needs this
     * explanation. Empty, or " (the header …)" naming the counts.
     */
    private String shortHeader(Path staged, Path file) {
        try {
            List<Object[]> lines = session.rows("SELECT * FROM read_csv(" + Sql.literal(staged.toString())
                    + ", header = false, all_varchar = true, null_padding = true) LIMIT 2", new QueryCancellation());
            if (lines.size() < 2) {
                return "";
            }
            long names = java.util.Arrays.stream(lines.get(0)).filter(java.util.Objects::nonNull).count();
            long fields = lines.get(1).length;
            return names < fields ? " (line 1 of " + file.getFileName() + ", its header, has " + names + " names but line 2 has "
                    + fields + " fields, so the header could not be read; fix the header or the rows)" : "";
        } catch (RuntimeException e) {
            return ""; // the explanation is a courtesy; the message stands without it
        }
    }

    private ResolvedBase query(DatasetBase base, Instant asOf, boolean needColumns) {
        CheckedStatement checked = session.checkUserQuery(base.source());
        // The query's groups are read as the store knew them at the as-of time: CTEs named like the
        // views shadow them, so a rebuild from the manifest reads the same rows.
        List<String> shadows = new ArrayList<>();
        List<FeatureGroup> read = new ArrayList<>();
        for (FeatureGroup g : allGroups.get()) {
            if (!g.definition().offlineStore().enabled()) {
                continue;
            }
            GroupTables tables = session.tables(g);
            boolean history = names(checked.tables(), tables.viewName());
            boolean latest = names(checked.tables(), tables.latestViewName());
            if (history) {
                shadows.add(Sql.identifier(tables.viewName()) + " AS (SELECT " + tables.visibleColumns() + " FROM "
                        + tables.mirrorTable() + " WHERE write_time <= " + Sql.timestamp(asOf) + ")");
            }
            if (latest) {
                shadows.add(Sql.identifier(tables.latestViewName()) + " AS (" + new TimeTravel(tables).asOf(asOf).latest().sql() + ")");
            }
            if (history || latest) {
                read.add(g);
            }
        }
        String source = "SELECT * FROM (\n" + checked.sql() + "\n)";
        String described = (shadows.isEmpty() ? "" : "WITH " + String.join(",\n", shadows) + "\n") + source;
        List<ResultColumn> columns = session.describe(described);
        if (!needColumns) {
            return new ResolvedBase(shadows, source, columns, null, null, null, false, read, null);
        }
        String id = column(columns, base.idColumn(), BASE_ID_FIELD, "record ids", "the query's result");
        String time = column(columns, base.timeColumn(), BASE_TIME_FIELD, "event times", "the query's result");
        refuseReservedNames(columns);
        return new ResolvedBase(shadows, source, columns, id, time,
                BaseTimes.instant(Sql.identifier(time), typeOf(columns, time), BASE_TIME_FIELD), false, read, null);
    }

    private static boolean names(Set<String> tables, String name) {
        return tables.stream().anyMatch(t -> t.equalsIgnoreCase(name));
    }

    /** No bytes, or (a text file) nothing but blanks. */
    private static boolean isEmpty(Path file) {
        try {
            long size = Files.size(file);
            return size == 0 || (size < 4096 && !isParquet(file) && Files.readString(file,
                    java.nio.charset.StandardCharsets.ISO_8859_1).replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").isBlank());
        } catch (java.io.IOException e) {
            return false; // reading it will say what is wrong
        }
    }

    static boolean isParquet(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".pq");
    }

    /** The base column named {@code wanted} (exact, else the only case-insensitive match). */
    static String column(List<ResultColumn> columns, String wanted, String field, String holds, String where) {
        String list = columns.stream().map(ResultColumn::name).collect(Collectors.joining(", "));
        if (wanted == null) {
            throw new ValidationException(field, "name the base column that holds " + holds + " (" + where
                    + " has: " + list + ")");
        }
        for (ResultColumn c : columns) {
            if (c.name().equals(wanted)) {
                return c.name();
            }
        }
        List<ResultColumn> loose = columns.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).toList();
        if (loose.size() == 1) {
            return loose.get(0).name();
        }
        throw new ValidationException(field, "the base has no column '" + wanted + "'; " + where + " has: " + list);
    }

    private static String typeOf(List<ResultColumn> columns, String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().type();
    }

    private static void refuseReservedNames(List<ResultColumn> columns) {
        for (ResultColumn c : columns) {
            if (c.name().toLowerCase(Locale.ROOT).startsWith(DatasetSql.HELPER_PREFIX)) {
                throw new ValidationException(BASE_FIELD, "the base column '" + c.name() + "' starts with "
                        + DatasetSql.HELPER_PREFIX + ", which the builder keeps for its own columns; rename it");
            }
        }
    }
}
