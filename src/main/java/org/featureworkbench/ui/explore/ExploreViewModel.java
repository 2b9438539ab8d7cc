package org.featureworkbench.ui.explore;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.IoProblems;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.QueryTemplates;
import org.featureworkbench.query.RelationInfo;
import org.featureworkbench.query.GroupTables;
import org.featureworkbench.query.Sql;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The Explore page: a SQL statement, running it (cancellable) into a paged result, the query
 * history kept in the workspace, per-group templates, export of the result, and its chart.
 * Every store call goes through the {@link TaskExecutor}; errors land in {@link #errorProperty()}
 * as the one-line message the engine wrote, never as a stack trace.
 */
public final class ExploreViewModel implements AutoCloseable {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final StringProperty sql = new SimpleStringProperty(this, "sql", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<RelationInfo> relations = FXCollections.observableArrayList();
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final ResultPager pager;
    private final ChartViewModel chart;
    private QueryCancellation cancellation;

    public ExploreViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.pager = new ResultPager(executor, this::showError);
        this.chart = new ChartViewModel(store, executor, statement -> {
            sql.set(statement);
            run();
        });
    }

    /** Loads the relations (for completion and templates) and the history; called when the page is shown. */
    public void refresh() {
        executor.execute(() -> new Loaded(store.query().relations(), store.query().history().entries()), loaded -> {
            relations.setAll(loaded.relations());
            groups.setAll(loaded.relations().stream().filter(r -> !r.latest()).map(RelationInfo::group).toList());
            history.setAll(loaded.history());
            if (sql.get().isBlank() && !groups.isEmpty()) {
                sql.set("SELECT *\nFROM " + SqlCompletion.quote(groups.get(0) + GroupTables.LATEST_SUFFIX) + "\nLIMIT 100");
            }
        }, this::showError);
    }

    private record Loaded(List<RelationInfo> relations, List<String> history) {
    }

    /** Runs the statement (Ctrl+Enter). Ignored while a query runs. */
    public void run() {
        String statement = sql.get();
        if (running.get()) {
            return;
        }
        if (statement == null || statement.isBlank()) {
            error.set("Type a query first, e.g. SELECT * FROM customers_latest LIMIT 10");
            return;
        }
        QueryCancellation c = new QueryCancellation();
        start(c, "Running…");
        executor.execute(() -> {
            QueryResult result = store.query().run(statement, QueryOptions.DEFAULT, c);
            store.query().history().add(statement);
            return new Ran(result, store.query().history().entries());
        }, ran -> {
            finish(c);
            pager.show(ran.result());
            chart.resultChanged(ran.result());
            history.setAll(ran.history());
            status.set(describe(ran.result().rowCount(), ran.result().elapsed()));
        }, e -> {
            finish(c);
            failed(e, c);
        });
    }

    private record Ran(QueryResult result, List<String> history) {
    }

    /** Stops the running query or export. */
    public void cancel() {
        if (cancellation != null) {
            cancellation.cancel();
            status.set("Cancelling…");
        }
    }

    /** Asks where to save, then exports the statement of the shown result (or the editor's) as CSV or Parquet. */
    public void export() {
        if (running.get()) {
            return;
        }
        String statement = pager.result() != null ? pager.result().sql() : sql.get();
        if (statement == null || statement.isBlank()) {
            error.set("Run a query first; Export saves its whole result.");
            return;
        }
        Path exports = store.workspaceDirectory().resolve("exports");
        dialogs.chooseFileToSave("Export the query result", exports, "query-result.csv",
                "CSV or Parquet (by the file's extension)", "*.csv;*.parquet").ifPresent(target -> {
                    QueryCancellation c = new QueryCancellation();
                    start(c, "Exporting…");
                    // The extension chooses, as for the CLI's --out: an .xlsx name is refused, not filled with CSV.
                    executor.execute(() -> store.query().export(statement, target,
                                    ExportFormat.choose(null, target, "format", "file name"), c),
                            rows -> {
                                finish(c);
                                status.set("");
                                notice.set("Exported " + format(rows) + (rows == 1 ? " row" : " rows") + " to " + target);
                            }, e -> {
                                finish(c);
                                failed(e, c);
                            });
                });
    }

    /** Puts a template for {@code group} in the editor (it reads the group's definition first). */
    public void insertTemplate(String group, QueryTemplates.Template template) {
        if (group == null || template == null) {
            return;
        }
        executor.execute(() -> {
            FeatureGroup g = store.describeFeatureGroup(group);
            String recordId = template == QueryTemplates.Template.RECORD_HISTORY ? anyRecordId(g) : "";
            return new QueryTemplates(g).sql(template, Instant.now().truncatedTo(ChronoUnit.SECONDS), recordId);
        }, text -> {
            sql.set(text);
            error.set("");
        }, this::showError);
    }

    /** One record id of the group, so the "one record's history" template runs as it is. */
    private String anyRecordId(FeatureGroup g) {
        String id = Sql.identifier(g.definition().recordIdentifierFeatureName());
        try (QueryResult r = store.query().run("SELECT " + id + " FROM "
                + Sql.identifier(g.name() + GroupTables.LATEST_SUFFIX) + " LIMIT 1", QueryOptions.DEFAULT, new QueryCancellation())) {
            List<Object[]> rows = r.page(0, 1);
            return rows.isEmpty() || rows.get(0)[0] == null ? "" : String.valueOf(rows.get(0)[0]);
        }
    }

    /** Puts a statement from the history in the editor. */
    public void useHistory(String entry) {
        if (entry != null) {
            sql.set(entry);
        }
    }

    private void start(QueryCancellation c, String what) {
        cancellation = c;
        running.set(true);
        error.set("");
        notice.set("");
        status.set(what);
    }

    private void finish(QueryCancellation c) {
        if (cancellation == c) {
            cancellation = null;
        }
        running.set(false);
    }

    private void failed(Throwable e, QueryCancellation c) {
        status.set("");
        if (c.isCancelled()) {
            notice.set("The query was cancelled. The page is ready for the next one.");
        } else {
            showError(e);
        }
    }

    private void showError(Throwable e) {
        String text = IoProblems.describe(e);
        error.set(text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }

    static String describe(long rows, Duration elapsed) {
        return format(rows) + (rows == 1 ? " row" : " rows") + " · " + seconds(elapsed);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.US, "%.2f s", ms / 1000.0);
    }

    private static String format(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** The statement in the editor. */
    public StringProperty sqlProperty() {
        return sql;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "100,000 rows · 0.21 s", or "Running…". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error, for the red banner; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A cancel or a finished export; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Statements run before, newest first (kept in the workspace). */
    public ObservableList<String> history() {
        return history;
    }

    public ObservableList<RelationInfo> relations() {
        return relations;
    }

    /** The groups that have templates (those with an offline store). */
    public ObservableList<String> groups() {
        return groups;
    }

    public ResultPager pager() {
        return pager;
    }

    public ChartViewModel chart() {
        return chart;
    }

    /** Stops a running query and drops the shown result. */
    @Override
    public void close() {
        cancel();
        pager.close();
        chart.resultChanged(null);
    }
}
