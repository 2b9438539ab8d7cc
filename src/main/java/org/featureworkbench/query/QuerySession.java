package org.featureworkbench.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/**
 * Several statements on one connection over groups whose copies are up to date and held still
 * (read leases in direct mode) until {@link #close}: what a build made of steps needs — a temp
 * table, then one COPY per part. Only for SQL the workbench writes itself; a user's SQL passes
 * {@link #checkUserQuery} first. Not thread-safe: one build, one session.
 */
public final class QuerySession implements AutoCloseable {
    private final DuckDbQueryEngine engine;
    private final QueryDatabase database;
    private final Connection connection;
    private final AutoCloseable pins;
    private final List<Path> staged = new ArrayList<>();

    QuerySession(DuckDbQueryEngine engine, QueryDatabase database, Connection connection, AutoCloseable pins) {
        this.engine = engine;
        this.database = database;
        this.connection = connection;
        this.pins = pins;
    }

    /** The names and SQL of a group's relations in this engine. */
    public GroupTables tables(FeatureGroup group) {
        return engine.tables(group);
    }

    /** Changes whenever the rows of the group's relation change (see {@link DuckDbQueryEngine#copyGeneration}). */
    public long copyGeneration(FeatureGroup group) {
        return engine.copyGeneration(group);
    }

    /** Checks a user's statement as the console does; returns the statement and the relations it reads. */
    public CheckedStatement checkUserQuery(String sql) {
        StatementGuard.CheckedQuery checked = StatementGuard.check(connection, sql);
        return new CheckedStatement(checked.sql(), checked.tables());
    }

    /** Runs one statement (cancellable); returns its update count or 0. */
    public long execute(String sql, QueryCancellation cancellation) {
        return engine.execute(connection, sql, QueryOptions.DEFAULT, cancellation);
    }

    /** Runs a SELECT and keeps its result in DuckDB for paging (previews); close the result. */
    public QueryResult run(String select, QueryCancellation cancellation) {
        return engine.materialise(select, QueryOptions.DEFAULT, cancellation);
    }

    /** Every row of a small result, values as plain Java objects. */
    public List<Object[]> rows(String sql, QueryCancellation cancellation) {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            cancellation.attach(s);
            try (ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = Values.plain(rs.getObject(i + 1));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw engine.translate(e, cancellation, sql);
        } finally {
            cancellation.detach();
        }
    }

    /** The columns (name, DuckDB type) a SELECT returns, without running it. */
    public List<ResultColumn> describe(String select) {
        List<ResultColumn> columns = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("DESCRIBE " + select)) {
            while (rs.next()) {
                columns.add(new ResultColumn(rs.getString("column_name"), rs.getString("column_type")));
            }
            return columns;
        } catch (SQLException e) {
            throw engine.translate(e, new QueryCancellation(), select);
        }
    }

    /**
     * Copies a user's input file where the locked-down database may read it (the staging folder);
     * a hard link when the file system allows, so a large file costs nothing. Removed at close.
     */
    public Path stageInput(Path file) {
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        Path target = database.stagingDirectory().resolve("input-" + UUID.randomUUID() + extension);
        try {
            try {
                Files.createLink(target, file.toAbsolutePath());
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
        staged.add(target);
        return target;
    }

    /** Writes a SELECT's rows to a staging file through COPY; {@link #publish} moves it to its place. */
    public StagedFile copyToStaging(String select, ExportFormat format, QueryCancellation cancellation) {
        return engine.exporter().stage(connection, select, format, cancellation);
    }

    /** Checks that {@code target} may be written (not inside the workspace's stores); returns it absolute. */
    public Path checkTarget(Path target) {
        return engine.exporter().checkTarget(target);
    }

    /** Moves a staged file to its target atomically (the target is never half written). */
    public void publish(Path stagedFile, Path target) {
        Exporter.move(stagedFile, target);
    }

    @Override
    public void close() {
        for (Path p : staged) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the staging folder is cleaned again with the next export
            }
        }
        QueryDatabase.closeQuietly(connection);
        try {
            pins.close();
        } catch (Exception ignored) {
            // releasing a read lease cannot fail in a way the caller could act on
        }
    }
}
