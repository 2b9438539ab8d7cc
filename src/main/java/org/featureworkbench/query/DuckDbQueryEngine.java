package org.featureworkbench.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.offline.OfflineStore;

/**
 * SQL over the offline store with DuckDB (ADR 0013): every group with an offline store is a view
 * named like the group plus {@code <group>_latest}, read from a native copy that follows the
 * Parquet files. User statements pass the {@link StatementGuard}; the database itself is locked
 * down ({@link QueryDatabase}).
 *
 * <p>Thread-safe: preparing the views and copies is serialised; queries then run in parallel, each
 * on its own connection. The database opens on first use, so commands that never query pay nothing.
 */
public final class DuckDbQueryEngine implements AutoCloseable {
    private static final AtomicLong RESULT_IDS = new AtomicLong();
    /**
     * {@code event_instant(event_time)}: an event time as an instant, for users' own SQL. String
     * values in SageMaker's two ISO forms and Fractional seconds since the epoch both become a
     * TIMESTAMPTZ, so {@code ORDER BY event_instant(event_time)} orders by time, never as text.
     */
    public static final String EVENT_INSTANT_MACRO = "CREATE OR REPLACE MACRO event_instant(v) AS CASE "
            + "WHEN typeof(v) = 'VARCHAR' THEN " + GroupTables.eventInstant("v", org.featureworkbench.model.FeatureType.STRING)
            + " ELSE make_timestamp(CAST(round(TRY_CAST(v AS DOUBLE) * 1000) AS BIGINT) * 1000)::TIMESTAMPTZ END";

    private final Path workspace;
    private final Path offlineRoot;
    private final OfflineStore offline;
    private final Supplier<List<FeatureGroup>> groups;
    private final Consumer<FeatureGroup> flushPending;
    private final CopyMode mode;
    private final org.featureworkbench.model.Notices outputNotes = new org.featureworkbench.model.Notices();
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "query-timeouts");
        t.setDaemon(true);
        return t;
    });
    private QueryDatabase database;
    private Connection engineConnection;
    private QueryViews views;
    private OfflineMirror mirror;

    /**
     * @param groups       the catalog's groups now (read at every query, so views follow the catalog)
     * @param flushPending publishes this process's acknowledged rows of a group that are not yet in
     *                     Parquet, so a query sees what the user just wrote
     */
    public DuckDbQueryEngine(Path workspace, Path offlineRoot, OfflineStore offline,
                             Supplier<List<FeatureGroup>> groups, Consumer<FeatureGroup> flushPending,
                             CopyMode mode) {
        this.workspace = workspace;
        this.offlineRoot = offlineRoot;
        this.offline = offline;
        this.groups = groups;
        this.flushPending = flushPending;
        this.mode = mode;
    }

    /**
     * Runs a user's query and keeps its result inside DuckDB for paging.
     *
     * @throws QueryException when the statement is refused, fails, times out or is cancelled
     */
    public QueryResult run(String sql, QueryOptions options, QueryCancellation cancellation) {
        StatementGuard.CheckedQuery checked = check(sql);
        try (Pins pins = prepare(checked.tables())) {
            return materialise(checked.sql(), options, cancellation);
        }
    }

    /** Runs SQL the workbench wrote itself (templates, time travel) over the given groups. */
    public QueryResult runTrusted(String sql, Collection<FeatureGroup> over, QueryOptions options,
                                  QueryCancellation cancellation) {
        try (Pins pins = prepareGroups(over)) {
            return materialise(sql, options, cancellation);
        }
    }

    /**
     * Streams a user's query row by row to {@code sink} (the CLI): memory stays flat however many
     * rows come back.
     *
     * @return the number of rows streamed
     */
    public long stream(String sql, QueryOptions options, QueryCancellation cancellation, RowSink sink) {
        StatementGuard.CheckedQuery checked = check(sql);
        try (Pins pins = prepare(checked.tables())) {
            return streamChecked(checked.sql(), options, cancellation, sink);
        }
    }

    /** {@link #stream} of SQL the workbench wrote itself over the given groups. */
    public long streamTrusted(String sql, Collection<FeatureGroup> over, QueryOptions options,
                              QueryCancellation cancellation, RowSink sink) {
        try (Pins pins = prepareGroups(over)) {
            return streamChecked(sql, options, cancellation, sink);
        }
    }

    /** The relations a user's statement reads (it must pass the guard); e.g. the groups a dataset's base query needs. */
    public java.util.Set<String> tablesRead(String sql) {
        return check(sql).tables();
    }

    /** Checks a user's statement without running it; returns it as it would run. */
    public String validate(String sql) {
        return check(sql).sql();
    }

    /** The relations a user can query now (views of every group), for completion and the Explore page. */
    public synchronized List<RelationInfo> relations() {
        ensureOpen();
        try {
            refreshViews(groups.get());
        } catch (SQLException e) {
            throw failure("could not prepare the group views", e);
        }
        return views.relations();
    }

    /** Writes a user's query result to a file through DuckDB's COPY (see {@link Exporter}). */
    public long export(String sql, Path target, ExportFormat format, QueryCancellation cancellation) {
        StatementGuard.CheckedQuery checked = check(sql);
        try (Pins pins = prepare(checked.tables())) {
            return exporter().export(checked.sql(), target, format, cancellation);
        }
    }

    /** Writes SQL the workbench built (a whole group, as of a time, latest) to a file. */
    public long exportTrusted(String sql, Collection<FeatureGroup> over, Path target, ExportFormat format,
                              QueryCancellation cancellation) {
        try (Pins pins = prepareGroups(over)) {
            return exporter().export(sql, target, format, cancellation);
        }
    }

    /**
     * Opens a session of several statements over {@code over}: their copies are brought up to date
     * first and, in direct mode, held still until the session closes.
     */
    public QuerySession session(Collection<FeatureGroup> over) {
        Pins pins = prepareGroups(over);
        try {
            return new QuerySession(this, database, openConnection(), pins);
        } catch (RuntimeException e) {
            pins.close();
            throw e;
        }
    }

    Exporter exporter() {
        return new Exporter(database, workspace, this::execute, outputNotes);
    }

    /**
     * Tells {@code listener} (on the exporting thread) what a user should hear about a file an
     * export or dataset writes that is no error, e.g. that its folder was created; until the
     * returned handle is closed.
     */
    public AutoCloseable onOutputNote(Consumer<String> listener) {
        return outputNotes.subscribe(listener);
    }

    private StatementGuard.CheckedQuery check(String sql) {
        Connection c = openConnection();
        try {
            return StatementGuard.check(c, sql);
        } finally {
            closeQuietly(c);
        }
    }

    /** Views for the whole catalog; copies synced for the groups a statement names (none, if it names none). */
    private synchronized Pins prepare(Collection<String> tableNames) {
        ensureOpen();
        try {
            List<FeatureGroup> all = groups.get();
            refuseOnlineOnly(all, tableNames);
            refreshViews(all);
            return sync(views.groupsNamed(tableNames));
        } catch (SQLException e) {
            throw failure("could not bring the query copy up to date with the offline files", e);
        }
    }

    private void refreshViews(List<FeatureGroup> all) throws SQLException {
        views.refresh(engineConnection, all);
        mirror.forgetAllBut(views.liveFolders());
    }

    /** A group without an offline store has no history: say so rather than "table does not exist". */
    private static void refuseOnlineOnly(List<FeatureGroup> all, Collection<String> tableNames) {
        for (String name : tableNames) {
            for (FeatureGroup g : all) {
                boolean named = g.name().equalsIgnoreCase(name)
                        || (g.name() + GroupTables.LATEST_SUFFIX).equalsIgnoreCase(name);
                if (named && !g.definition().offlineStore().enabled()
                        && all.stream().noneMatch(o -> o.definition().offlineStore().enabled() && o.name().equalsIgnoreCase(name))) {
                    throw new QueryException("feature group '" + g.name() + "' has no offline store, so it keeps no "
                            + "history to query; read its latest values with 'get' or on its Records tab");
                }
            }
        }
    }

    /** See {@link OfflineMirror#generation}: what a cached fact about a group's rows is keyed by. */
    public synchronized long copyGeneration(FeatureGroup group) {
        return mirror.generation(group.offlineFolderName());
    }

    private synchronized Pins prepareGroups(Collection<FeatureGroup> over) {
        ensureOpen();
        try {
            refreshViews(groups.get());
            return sync(over);
        } catch (SQLException e) {
            throw failure("could not bring the query copy up to date with the offline files", e);
        }
    }

    private Pins sync(Collection<FeatureGroup> named) throws SQLException {
        Pins pins = new Pins();
        try {
            for (FeatureGroup group : named) {
                if (!group.definition().offlineStore().enabled()) {
                    continue;
                }
                flushPending.accept(group);
                if (mirror.direct()) {
                    pins.add(mirror.pin(engineConnection, new GroupTables(group, false)));
                } else {
                    mirror.sync(engineConnection, new GroupTables(group));
                }
            }
            return pins;
        } catch (SQLException | RuntimeException e) {
            pins.close();
            throw e;
        }
    }

    QueryResult materialise(String sql, QueryOptions options, QueryCancellation cancellation) {
        Connection c = openConnection();
        String table = "fwb_result_" + RESULT_IDS.incrementAndGet();
        long started = System.nanoTime();
        try {
            execute(c, "CREATE TEMP TABLE " + table + " AS\n" + limited(sql, options), options, cancellation);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            List<ResultColumn> columns = new ArrayList<>();
            long rows;
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("DESCRIBE " + table)) {
                    while (rs.next()) {
                        columns.add(new ResultColumn(rs.getString("column_name"), rs.getString("column_type")));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    rows = rs.getLong(1);
                }
            }
            return new QueryResult(c, table, columns, rows, elapsed, sql);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof QueryException q ? q : failure("the query failed", e);
        }
    }

    private long streamChecked(String sql, QueryOptions options, QueryCancellation cancellation, RowSink sink) {
        Connection c = openConnection();
        ScheduledFuture<?> timer = null;
        String ran = limited(sql, options);
        try (Statement s = c.createStatement()) {
            cancellation.attach(s);
            timer = startTimer(options, cancellation);
            long count = 0;
            try (ResultSet rs = s.executeQuery(ran)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<ResultColumn> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(new ResultColumn(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
                }
                sink.columns(columns);
                Object[] row = new Object[columns.size()];
                while (rs.next()) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = Values.plain(rs.getObject(i + 1));
                    }
                    sink.row(row);
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw translate(e, cancellation, options, ran);
        } finally {
            cancellation.detach();
            if (timer != null) {
                timer.cancel(false);
            }
            closeQuietly(c);
        }
    }

    /** Runs one statement with cancel and timeout; the connection stays open. */
    long execute(Connection c, String sql, QueryOptions options, QueryCancellation cancellation) {
        ScheduledFuture<?> timer = null;
        try (Statement s = c.createStatement()) {
            cancellation.attach(s);
            timer = startTimer(options, cancellation);
            if (cancellation.isCancelled()) {
                throw new QueryException("the query was cancelled");
            }
            s.execute(sql);
            return Math.max(0, s.getUpdateCount());
        } catch (SQLException e) {
            throw translate(e, cancellation, options, sql);
        } finally {
            cancellation.detach();
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private ScheduledFuture<?> startTimer(QueryOptions options, QueryCancellation cancellation) {
        if (options.timeout() == null) {
            return null;
        }
        return timeouts.schedule(cancellation::timeOut, options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String limited(String sql, QueryOptions options) {
        // A newline before the closing parenthesis: a trailing "-- comment" must not swallow it.
        return options.limit() > 0 ? "SELECT * FROM (\n" + sql + "\n) LIMIT " + options.limit() : sql;
    }

    QueryException translate(SQLException e, QueryCancellation cancellation, String ran) {
        return translate(e, cancellation, QueryOptions.DEFAULT, ran);
    }

    private QueryException translate(SQLException e, QueryCancellation cancellation, QueryOptions options,
                                     String ran) {
        if (cancellation.timedOut()) {
            return new QueryException("the query ran longer than its " + describe(options.timeout())
                    + " timeout and was stopped; narrow it (a WHERE or LIMIT) or allow more time", e);
        }
        if (cancellation.isCancelled()) {
            return new QueryException("the query was cancelled", e);
        }
        // Every wrapper the engine puts around a statement (CREATE TEMP TABLE, COPY, LIMIT) ends its own line.
        int linesBefore = (int) ran.lines().takeWhile(l -> !l.isEmpty() && isWrapperLine(l)).count();
        return new QueryException(namingTheGroups(DuckDbErrors.describe(e.getMessage(), ran, linesBefore)), e);
    }

    private static final java.util.regex.Pattern UNKNOWN_TABLE = java.util.regex.Pattern.compile(
            "^Catalog Error: Table with name (.+?) does not exist!\\s*(?:Did you mean \"([^\"]*)\"\\?)?");

    /**
     * "Table with name x does not exist! Did you mean "pg_sequences"?": DuckDB suggests its own system
     * tables when nothing of ours is close. Say which groups there are instead, keeping a suggestion
     * that is one of them (a typo).
     */
    private String namingTheGroups(String described) {
        java.util.regex.Matcher m = UNKNOWN_TABLE.matcher(described);
        if (!m.find()) {
            return described;
        }
        List<String> names = groups.get().stream().map(FeatureGroup::name).sorted().toList();
        String suggestion = m.group(2);
        boolean ours = suggestion != null && names.stream().anyMatch(n -> n.equalsIgnoreCase(suggestion.replace("_latest", "")));
        String instead = ours ? "did you mean \"" + suggestion + "\"?"
                : names.isEmpty() ? "the workspace has no feature groups yet"
                : "the feature groups are " + String.join(", ", names.subList(0, Math.min(names.size(), 20)))
                + (names.size() > 20 ? " and " + (names.size() - 20) + " more" : "")
                + " (each also as NAME_latest, its latest state)";
        String rest = described.substring(m.end()).strip();
        return "there is no feature group or table named " + m.group(1) + "; " + instead + (rest.isEmpty() ? "" : " " + rest);
    }

    private static boolean isWrapperLine(String line) {
        return line.startsWith("CREATE TEMP TABLE fwb_result_") || line.equals("SELECT * FROM (") || line.equals("COPY (");
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private FeatureStoreException failure(String what, Exception e) {
        if (e instanceof FeatureStoreException f) {
            return f;
        }
        return new QueryException(what + ": " + DuckDbErrors.describe(e.getMessage()), e);
    }

    private synchronized Connection openConnection() {
        ensureOpen();
        return database.newConnection();
    }

    private synchronized void ensureOpen() {
        if (database != null) {
            return;
        }
        database = QueryDatabase.open(workspace, offlineRoot, mode != CopyMode.PERSISTENT);
        engineConnection = database.newConnection();
        try {
            OfflineMirror.createCatalog(engineConnection);
            try (Statement s = engineConnection.createStatement()) {
                s.execute(EVENT_INSTANT_MACRO);
            }
        } catch (SQLException e) {
            throw failure("could not prepare the query database", e);
        }
        // A process that could not own the persistent copy reads the files directly (ADR 0013).
        boolean direct = mode == CopyMode.DIRECT || (mode == CopyMode.PERSISTENT && !database.persistent());
        views = new QueryViews(direct);
        mirror = new OfflineMirror(offline, direct);
    }

    /** The names and SQL of a group's relations as this engine holds them (a copy table, or a view over files). */
    public synchronized GroupTables tables(FeatureGroup group) {
        ensureOpen();
        return new GroupTables(group, !mirror.direct());
    }

    /** True when the native copy is kept in a file and reused by the next process (ADR 0013). */
    public synchronized boolean persistentCopy() {
        ensureOpen();
        return database.persistent();
    }

    private static void closeQuietly(Connection c) {
        QueryDatabase.closeQuietly(c);
    }

    @Override
    public synchronized void close() {
        timeouts.shutdownNow();
        closeQuietly(engineConnection);
        if (database != null) {
            database.close();
        }
        database = null;
    }

    /** The read leases a statement holds while it reads files directly; empty with a copy. */
    private static final class Pins implements AutoCloseable {
        private final List<org.featureworkbench.offline.OfflineReadLease> leases = new ArrayList<>();

        void add(org.featureworkbench.offline.OfflineReadLease lease) {
            leases.add(lease);
        }

        @Override
        public void close() {
            leases.forEach(org.featureworkbench.offline.OfflineReadLease::close);
            leases.clear();
        }
    }
}
