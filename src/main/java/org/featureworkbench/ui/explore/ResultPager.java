package org.featureworkbench.ui.explore;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * One query result shown a page at a time: the result stays inside DuckDB and only the shown page
 * ({@value #PAGE_SIZE} rows) is read into the heap, off the FX thread. Owns the {@link QueryResult}
 * it shows and closes it when another replaces it or on {@link #close}. Used by the Explore page
 * and the group page's Data tab.
 */
public final class ResultPager implements AutoCloseable {
    public static final int PAGE_SIZE = 500;

    private final TaskExecutor executor;
    private final Consumer<Throwable> onFailure;
    private final ObservableList<ResultColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<Object[]> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper offset = new ReadOnlyLongWrapper(this, "offset", 0);
    private final ReadOnlyLongWrapper rowCount = new ReadOnlyLongWrapper(this, "rowCount", 0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final BooleanBinding hasPrevious = offset.greaterThan(0);
    private final BooleanBinding hasNext = Bindings.createBooleanBinding(
            () -> offset.get() + PAGE_SIZE < rowCount.get(), offset, rowCount);
    private QueryResult result;
    // Bumped whenever the shown result or page changes: a page read that arrives late is dropped.
    private long generation;

    /** @param onFailure receives a page read that failed (on the UI thread) */
    public ResultPager(TaskExecutor executor, Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.onFailure = onFailure;
    }

    /** Shows {@code next} from its first row, closing the result shown before. */
    public void show(QueryResult next) {
        release();
        result = next;
        columns.setAll(next.columns());
        rowCount.set(next.rowCount());
        load(0);
    }

    /** Shows nothing, closing the result shown before. */
    public void clear() {
        release();
        columns.clear();
        rows.clear();
        rowCount.set(0);
        offset.set(0);
        pageText.set("");
    }

    public void next() {
        if (hasNext.get()) {
            load(offset.get() + PAGE_SIZE);
        }
    }

    public void previous() {
        if (hasPrevious.get()) {
            load(Math.max(0, offset.get() - PAGE_SIZE));
        }
    }

    public void first() {
        if (result != null) {
            load(0);
        }
    }

    public void last() {
        if (result != null && rowCount.get() > 0) {
            load((rowCount.get() - 1) / PAGE_SIZE * PAGE_SIZE);
        }
    }

    private void load(long from) {
        QueryResult shown = result;
        long asked = ++generation;
        loading.set(true);
        executor.execute(() -> shown.page(from, PAGE_SIZE), page -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            offset.set(from);
            rows.setAll(page);
            pageText.set(describe(from, page.size(), shown.rowCount()));
        }, e -> {
            if (asked == generation) {
                loading.set(false);
                onFailure.accept(e);
            }
        });
    }

    static String describe(long from, int shown, long total) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        if (total == 0) {
            return "No rows";
        }
        return "Rows " + n.format(from + 1) + "–" + n.format(from + shown) + " of " + n.format(total);
    }

    private void release() {
        generation++;
        loading.set(false);
        QueryResult old = result;
        result = null;
        if (old != null) {
            // Dropping the result's table is DuckDB work: off the FX thread, and no busy indicator for it.
            executor.executeQuietly(() -> {
                old.close();
                return null;
            }, done -> { }, e -> { });
        }
    }

    /** The result shown now, or null. */
    public QueryResult result() {
        return result;
    }

    public ObservableList<ResultColumn> columns() {
        return columns;
    }

    /** The rows of the shown page. */
    public ObservableList<Object[]> rows() {
        return rows;
    }

    /** The index of the shown page's first row in the whole result. */
    public ReadOnlyLongProperty offsetProperty() {
        return offset.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Rows 501–1,000 of 100,000". */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public BooleanBinding hasPreviousProperty() {
        return hasPrevious;
    }

    public BooleanBinding hasNextProperty() {
        return hasNext;
    }

    /** Closes the shown result (the page closed). */
    @Override
    public void close() {
        clear();
    }
}
