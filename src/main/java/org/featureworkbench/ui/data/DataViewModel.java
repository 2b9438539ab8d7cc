package org.featureworkbench.ui.data;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.IoProblems;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.TimeTravel;
import org.featureworkbench.ui.explore.ResultPager;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The Data tab of a group page: the group's latest snapshot or its full (deduplicated) history
 * from the offline store, filtered by record id, event-time range and whether deleted records
 * show, paged through {@link ResultPager}. Reads run off the FX thread and can be cancelled.
 */
public final class DataViewModel implements AutoCloseable {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final ObjectProperty<FeatureGroup> group = new SimpleObjectProperty<>(this, "group");
    private final BooleanProperty history = new SimpleBooleanProperty(this, "history", false);
    private final StringProperty recordId = new SimpleStringProperty(this, "recordId", "");
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final BooleanProperty includeDeleted = new SimpleBooleanProperty(this, "includeDeleted", false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ResultPager pager;
    private QueryCancellation cancellation;
    private long generation;

    public DataViewModel(FeatureStore store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        this.pager = new ResultPager(executor, e -> error.set(message(e)));
        group.addListener((o, old, now) -> {
            if (old == null || now == null || !old.name().equals(now.name())) {
                recordId.set("");
                from.set("");
                to.set("");
                includeDeleted.set(false);
                history.set(false);
                clear();
            }
        });
    }

    private void clear() {
        generation++;
        if (cancellation != null) {
            cancellation.cancel();
        }
        running.set(false);
        pager.clear();
        status.set("");
        error.set("");
    }

    /** Reads the rows the filters describe. */
    public void load() {
        FeatureGroup g = group.get();
        if (g == null) {
            return;
        }
        Instant fromTime;
        Instant toTime;
        try {
            fromTime = EventTimeInput.from(from.get(), "From");
            toTime = EventTimeInput.to(to.get(), "To");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            error.set("From is after To: no event time can be in that range.");
            return;
        }
        if (cancellation != null) {
            cancellation.cancel();
        }
        QueryCancellation c = new QueryCancellation();
        cancellation = c;
        long asked = ++generation;
        boolean wantHistory = history.get();
        String id = recordId.get() == null ? "" : recordId.get().strip();
        boolean deleted = includeDeleted.get();
        running.set(true);
        error.set("");
        status.set("Reading…");
        executor.execute(() -> {
            TimeTravel read = store.query().timeTravel(g.name());
            read = wantHistory ? read.history() : read.latest();
            if (!id.isEmpty()) {
                read = read.record(id);
            }
            read = read.eventRange(fromTime, toTime).includeDeleted(deleted);
            return store.query().run(read, QueryOptions.DEFAULT, c);
        }, result -> {
            if (asked != generation) {
                // A stale answer: dropping its table is DuckDB work, so off the FX thread too.
                executor.executeQuietly(() -> {
                    result.close();
                    return null;
                }, done -> { }, e -> { });
                return;
            }
            running.set(false);
            pager.show(result);
            status.set(describe(result, wantHistory));
        }, e -> {
            if (asked != generation) {
                return;
            }
            running.set(false);
            status.set("");
            if (c.isCancelled()) {
                status.set("Cancelled.");
            } else {
                error.set(message(e));
            }
        });
    }

    private static String describe(QueryResult result, boolean history) {
        long n = result.rowCount();
        String count = NumberFormat.getIntegerInstance(Locale.US).format(n);
        String what = history ? (n == 1 ? " version" : " versions") : (n == 1 ? " record" : " records");
        return count + what + " · " + result.elapsed().toMillis() + " ms";
    }

    private static String message(Throwable e) {
        String text = IoProblems.describe(e);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Stops a running read. */
    public void cancel() {
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    public ObjectProperty<FeatureGroup> groupProperty() {
        return group;
    }

    /** False: the latest snapshot (one row per record); true: every version. */
    public BooleanProperty historyProperty() {
        return history;
    }

    public StringProperty recordIdProperty() {
        return recordId;
    }

    /** The lower event-time bound as typed (ISO date or date-time, UTC). */
    public StringProperty fromProperty() {
        return from;
    }

    /** The upper event-time bound as typed; with the latest snapshot it is the time the state is read at. */
    public StringProperty toProperty() {
        return to;
    }

    public BooleanProperty includeDeletedProperty() {
        return includeDeleted;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ResultPager pager() {
        return pager;
    }

    @Override
    public void close() {
        clear();
    }
}
