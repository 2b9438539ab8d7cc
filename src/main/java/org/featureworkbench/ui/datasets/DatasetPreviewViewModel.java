package org.featureworkbench.ui.datasets;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.ui.explore.ResultPager;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The quick reads of the Datasets page, one at a time and cancellable: the base's first rows (whose
 * columns feed the id and time pickers), the dataset's first {@value #ROWS} rows, and the SQL the
 * builder would run. Results stay in DuckDB and are shown through {@link ResultPager}s.
 */
public final class DatasetPreviewViewModel implements AutoCloseable {
    static final int ROWS = 100;
    static final int BASE_ROWS = 50;

    private final FeatureStore store;
    private final TaskExecutor executor;
    private final Consumer<Throwable> onFailure;
    private final ResultPager basePager;
    private final ResultPager rowsPager;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper baseStatus = new ReadOnlyStringWrapper(this, "baseStatus", "");
    private final ReadOnlyStringWrapper rowsStatus = new ReadOnlyStringWrapper(this, "rowsStatus", "");
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper(this, "sql", "");
    private final ReadOnlyStringWrapper sqlStatus = new ReadOnlyStringWrapper(this, "sqlStatus",
            "The SQL appears here once the form is complete: press Show SQL, Preview or Build.");
    private QueryCancellation cancellation;

    /** @param onFailure shows a failed read in the page's banner (a cancel is not a failure) */
    DatasetPreviewViewModel(FeatureStore store, TaskExecutor executor, Consumer<Throwable> onFailure) {
        this.store = store;
        this.executor = executor;
        this.onFailure = onFailure;
        this.basePager = new ResultPager(executor, onFailure);
        this.rowsPager = new ResultPager(executor, onFailure);
    }

    /** Reads the base's first rows; {@code columnsSeen} gets their column names. */
    void previewBase(DatasetBase base, Consumer<List<String>> columnsSeen) {
        QueryCancellation c = begin();
        if (c == null) {
            return;
        }
        baseStatus.set("Reading the base…");
        executor.execute(() -> store.datasets().previewBase(base, BASE_ROWS, c), result -> {
            end(c);
            basePager.show(result);
            baseStatus.set("First " + rows(result.rowCount()) + " of " + base.describe() + " · " + ms(result.elapsed()));
            columnsSeen.accept(result.columns().stream().map(ResultColumn::name).toList());
        }, e -> {
            end(c);
            baseStatus.set(c.isCancelled() ? "Cancelled." : "");
            failed(e, c);
        });
    }

    /** Reads the dataset's first {@value #ROWS} rows, and its SQL. */
    void preview(DatasetSpec spec) {
        QueryCancellation c = begin();
        if (c == null) {
            return;
        }
        rowsStatus.set("Joining…");
        executor.execute(() -> new Previewed(store.datasets().plan(spec).sql(), store.datasets().preview(spec, ROWS, c)),
                done -> {
                    end(c);
                    showSql(done.sql());
                    rowsPager.show(done.result());
                    rowsStatus.set((done.result().rowCount() < ROWS ? "All " : "First ") + rows(done.result().rowCount())
                            + " of the dataset · " + done.result().columns().size() + " columns · " + ms(done.result().elapsed()));
                }, e -> {
                    end(c);
                    rowsStatus.set(c.isCancelled() ? "Cancelled." : "");
                    failed(e, c);
                });
    }

    private record Previewed(String sql, QueryResult result) {
    }

    /** Plans the dataset to show its SQL (checks the spec against the groups, reads no rows). */
    void plan(DatasetSpec spec) {
        sqlStatus.set("Planning…");
        executor.execute(() -> store.datasets().plan(spec).sql(), this::showSql, e -> {
            sqlStatus.set("");
            onFailure.accept(e);
        });
    }

    /** Shows the SQL of a build (what actually ran). */
    void showSql(String text) {
        sql.set(text);
        sqlStatus.set("Read-only: the builder runs this in DuckDB; the manifest keeps it.");
    }

    /** Stops the running read. */
    public void cancel() {
        QueryCancellation c = cancellation;
        if (c != null) {
            c.cancel();
        }
    }

    private QueryCancellation begin() {
        if (running.get()) {
            return null;
        }
        QueryCancellation c = new QueryCancellation();
        cancellation = c;
        running.set(true);
        return c;
    }

    private void end(QueryCancellation c) {
        if (cancellation == c) {
            cancellation = null;
            running.set(false);
        }
    }

    private void failed(Throwable e, QueryCancellation c) {
        if (!c.isCancelled()) {
            onFailure.accept(e);
        }
    }

    private static String rows(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n) + (n == 1 ? " row" : " rows");
    }

    private static String ms(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.US, "%.2f s", ms / 1000.0);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The base's first rows. */
    public ResultPager basePager() {
        return basePager;
    }

    /** The dataset's first rows. */
    public ResultPager rowsPager() {
        return rowsPager;
    }

    /** "First 50 rows of file labels.csv · 12 ms". */
    public ReadOnlyStringProperty baseStatusProperty() {
        return baseStatus.getReadOnlyProperty();
    }

    /** "First 100 rows of the dataset · 9 columns · 80 ms". */
    public ReadOnlyStringProperty rowsStatusProperty() {
        return rowsStatus.getReadOnlyProperty();
    }

    /** The generated SQL; empty until planned. */
    public ReadOnlyStringProperty sqlProperty() {
        return sql.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sqlStatusProperty() {
        return sqlStatus.getReadOnlyProperty();
    }

    /** Stops a running read and drops the shown results. */
    @Override
    public void close() {
        cancel();
        basePager.close();
        rowsPager.close();
    }
}
