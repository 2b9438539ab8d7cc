package org.featureworkbench.core;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.query.DuckDbQueryEngine;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryException;
import org.featureworkbench.query.QueryHistory;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.RelationInfo;
import org.featureworkbench.query.RowSink;
import org.featureworkbench.query.TimeTravel;
import org.featureworkbench.query.stats.DriftReport;
import org.featureworkbench.query.stats.DuckDbStatistics;
import org.featureworkbench.query.stats.EventWindow;
import org.featureworkbench.query.stats.FeatureSeries;
import org.featureworkbench.query.stats.GroupStatistics;

/**
 * The read side of the facade (issue 10), reached through {@link FeatureStore#query()}: DuckDB SQL
 * over every version in the offline store, time travel, and exports. Every group with an offline
 * store is a relation named like the group, and {@code <group>_latest} is the state of every record
 * now (DESIGN.md §3). The console is read-only (ADR 0013).
 *
 * <p>Thread-safe and synchronous; call it off the JavaFX thread. Long calls take a
 * {@link QueryCancellation} that another thread may trigger. Errors are
 * {@link org.featureworkbench.model.FeatureStoreException}s with messages fit for a user.
 */
public final class QueryOperations implements AutoCloseable {
    private final DuckDbQueryEngine engine;
    private final Function<String, FeatureGroup> groups;
    private final QueryHistory history;
    private final DuckDbStatistics statistics;

    QueryOperations(DuckDbQueryEngine engine, Function<String, FeatureGroup> groups, QueryHistory history) {
        this.engine = engine;
        this.groups = groups;
        this.history = history;
        this.statistics = new DuckDbStatistics(engine);
    }

    /** The queries run in the Explore console, newest first, kept across restarts. */
    public QueryHistory history() {
        return history;
    }

    /** Runs a user's read-only query; the result stays in DuckDB and is read a page at a time. Close it. */
    public QueryResult run(String sql, QueryOptions options, QueryCancellation cancellation) {
        return engine.run(sql, options, cancellation);
    }

    /** Streams a user's read-only query to {@code sink}; returns the row count. */
    public long stream(String sql, QueryOptions options, QueryCancellation cancellation, RowSink sink) {
        return engine.stream(sql, options, cancellation, sink);
    }

    /** Checks a statement as the console would, without running it; throws {@link QueryException} if refused. */
    public String validate(String sql) {
        return engine.validate(sql);
    }

    /** The relations users can query: each group's history view and its {@code _latest} view. */
    public List<RelationInfo> relations() {
        return engine.relations();
    }

    /** A time-travel read of one group to build on ({@code .asOf(…).history().sql()}). */
    public TimeTravel timeTravel(String groupName) {
        return new TimeTravel(engine.tables(offlineGroup(groupName)));
    }

    /** Runs a time-travel read (or any SQL the workbench built over that group) for paging. */
    public QueryResult run(TimeTravel read, QueryOptions options, QueryCancellation cancellation) {
        return engine.runTrusted(read.sql(), List.of(read.group()), options, cancellation);
    }

    /** Streams a time-travel read; returns the row count. */
    public long stream(TimeTravel read, QueryOptions options, QueryCancellation cancellation,
                       RowSink sink) {
        return engine.streamTrusted(read.sql(), List.of(read.group()), options, cancellation, sink);
    }

    /**
     * Tells {@code listener} (on the exporting thread) what a user should hear about a file an
     * export or a dataset writes that is no error, e.g. "created folder /x/y for the output"; until
     * the returned handle is closed.
     */
    public AutoCloseable onOutputNote(java.util.function.Consumer<String> listener) {
        return engine.onOutputNote(listener);
    }

    /** Exports a user's query result to {@code target} (CSV or Parquet, through DuckDB's COPY); returns rows written. */
    public long export(String sql, Path target, ExportFormat format, QueryCancellation cancellation) {
        return engine.export(sql, target, format, cancellation);
    }

    /** Exports a time-travel read (a whole group, as of a write time, or its latest snapshot). */
    public long export(TimeTravel read, Path target, ExportFormat format, QueryCancellation cancellation) {
        return engine.exportTrusted(read.sql(), List.of(read.group()), target, format, cancellation);
    }

    /**
     * Statistics of every feature of a group: counts, nulls, distinct, numbers' summary and
     * histogram, Strings' top values, rows over event time. Cached per version of the offline data.
     *
     * @param latestOnly true: the latest snapshot; false: every stored row except delete markers
     */
    public GroupStatistics statistics(String groupName, boolean latestOnly, QueryCancellation cancellation) {
        return statistics.statistics(offlineGroup(groupName), latestOnly, cancellation);
    }

    /** One record's values of a numeric feature over event time, reduced in DuckDB to a few thousand points. */
    public FeatureSeries featureSeries(String groupName, String recordId, String feature, QueryCancellation cancellation) {
        return statistics.featureSeries(offlineGroup(groupName), recordId, feature, cancellation);
    }

    /** Population stability index of each feature from the reference event-time window to the current one. */
    public DriftReport drift(String groupName, EventWindow reference, EventWindow current, QueryCancellation cancellation) {
        return statistics.drift(offlineGroup(groupName), reference, current, cancellation);
    }

    /** The engine, for the statistics and dataset builders that sit on it. */
    public DuckDbQueryEngine engine() {
        return engine;
    }

    FeatureGroup offlineGroup(String groupName) {
        FeatureGroup group = groups.apply(groupName);
        if (!group.definition().offlineStore().enabled()) {
            throw new QueryException("feature group '" + groupName + "' has no offline store, so it keeps no history "
                    + "to query; its latest values are read with 'get' or the Records tab");
        }
        return group;
    }

    @Override
    public void close() {
        engine.close();
    }
}
