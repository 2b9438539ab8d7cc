package org.featureworkbench.ui.explore;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The Chart view of the Explore page's result: the user picks an x column (a time column gives a
 * line over time, a number a line, anything else bars) and a numeric y column. Event times as
 * text or as seconds since the epoch count as time columns ({@link EventTimeColumns}): they are
 * the default x before the store's own {@code write_time} and {@code api_invocation_time}, and
 * never the default y. At most
 * {@value #MAX_POINTS} points (or {@value #MAX_BARS} bars) ever reach the chart; a larger result
 * gets a message and {@link #reduce}, which writes a query that aggregates it in DuckDB and runs it.
 */
public final class ChartViewModel {
    public static final int MAX_POINTS = 5_000;
    public static final int MAX_BARS = 200;
    // The offline store's own times: when a row was written, not when its event happened.
    private static final Set<String> STORE_TIMES = Set.of("write_time", "api_invocation_time");

    /** What the chart draws. */
    public enum Kind { NONE, TIME_LINE, NUMBER_LINE, BARS }

    /** One point: x is epoch milliseconds (TIME_LINE), a number (NUMBER_LINE) or a category (BARS). */
    public record Point(Object x, double y) {
    }

    private final FeatureStore store;
    private final TaskExecutor executor;
    private final Consumer<String> runQuery;
    private final ObservableList<ResultColumn> xChoices = FXCollections.observableArrayList();
    private final ObservableList<ResultColumn> yChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ResultColumn> x = new SimpleObjectProperty<>(this, "x");
    private final ObjectProperty<ResultColumn> y = new SimpleObjectProperty<>(this, "y");
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.NONE);
    private final ObservableList<Point> points = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canReduce = new ReadOnlyBooleanWrapper(this, "canReduce", false);
    private QueryResult result;
    private Set<ResultColumn> eventTimes = Set.of();
    private long generation;
    private boolean choosing;

    /**
     * @param runQuery puts a statement in the editor and runs it (the reduced query)
     */
    public ChartViewModel(FeatureStore store, TaskExecutor executor, Consumer<String> runQuery) {
        this.store = store;
        this.executor = executor;
        this.runQuery = runQuery;
        x.addListener((o, a, b) -> drawUnlessChoosing());
        y.addListener((o, a, b) -> drawUnlessChoosing());
    }

    /**
     * A new result (or null): new column choices with sensible defaults, then the chart. Which
     * columns hold event times is found first (off the FX thread: the catalog and at most
     * {@value EventTimeColumns#SAMPLE} rows of the result).
     */
    void resultChanged(QueryResult next) {
        result = next;
        eventTimes = Set.of();
        // Nothing of the previous result stays chosen while this one is looked at.
        chooseDefaults(List.of());
        if (next == null) {
            return;
        }
        message.set("");
        executor.execute(() -> EventTimeColumns.of(next, fractionalEventTimes()), found -> {
            if (result == next) {
                eventTimes = found;
                chooseDefaults(next.columns());
            }
        }, e -> {
            if (result == next) {
                chooseDefaults(next.columns());
            }
        });
    }

    private void chooseDefaults(List<ResultColumn> columns) {
        choosing = true;
        xChoices.setAll(columns);
        yChoices.setAll(columns.stream().filter(ResultColumn::numeric).toList());
        ResultColumn defaultX = columns.stream().filter(c -> c.temporal() && !STORE_TIMES.contains(c.name())).findFirst()
                .or(() -> columns.stream().filter(eventTimes::contains).findFirst())
                .or(() -> columns.stream().filter(ResultColumn::temporal).findFirst())
                .or(() -> columns.stream().filter(c -> !c.numeric()).findFirst())
                .orElse(columns.isEmpty() ? null : columns.get(0));
        x.set(defaultX);
        y.set(yChoices.stream().filter(c -> !c.equals(defaultX) && !eventTimes.contains(c)).findFirst()
                .or(() -> yChoices.stream().filter(c -> !c.equals(defaultX)).findFirst()).orElse(null));
        choosing = false;
        draw();
    }

    private boolean timeAxis(ResultColumn column) {
        return column.temporal() || eventTimes.contains(column);
    }

    private Set<String> fractionalEventTimes() {
        return store.listFeatureGroups(GroupListQuery.ALL).stream()
                .filter(g -> g.definition().eventTimeFeature().type() == FeatureType.FRACTIONAL)
                .map(g -> g.definition().eventTimeFeatureName())
                .collect(java.util.stream.Collectors.toSet());
    }

    private void drawUnlessChoosing() {
        if (!choosing) {
            draw();
        }
    }

    /** Reads the result's points (off the FX thread) when it is small enough, else says what to do. */
    public void draw() {
        long asked = ++generation;
        points.clear();
        canReduce.set(false);
        QueryResult shown = result;
        ResultColumn xc = x.get();
        ResultColumn yc = y.get();
        if (shown == null) {
            kind.set(Kind.NONE);
            message.set("Run a query to chart its result.");
            return;
        }
        if (xc == null || yc == null) {
            kind.set(Kind.NONE);
            message.set(yChoices.isEmpty() ? "This result has no numeric column to plot; a chart needs one for y."
                    : "Pick the x and y columns to plot.");
            return;
        }
        Kind k = timeAxis(xc) ? Kind.TIME_LINE : xc.numeric() ? Kind.NUMBER_LINE : Kind.BARS;
        kind.set(k);
        int limit = k == Kind.BARS ? MAX_BARS : MAX_POINTS;
        if (shown.rowCount() > limit) {
            canReduce.set(true);
            message.set("This result has " + format(shown.rowCount()) + " rows; a chart shows at most "
                    + format(limit) + (k == Kind.BARS ? " bars" : " points")
                    + ". Aggregate it in SQL first, or press Reduce: it wraps your query in one that "
                    + (k == Kind.BARS ? "keeps the " + MAX_BARS + " largest categories" : "takes the mean, min and "
                    + "max per " + (k == Kind.TIME_LINE ? "time bucket" : "bin")) + ", and runs it.");
            return;
        }
        message.set("");
        int xi = shown.columns().indexOf(xc);
        int yi = shown.columns().indexOf(yc);
        executor.execute(() -> read(shown, xi, yi, k), read -> {
            if (asked != generation) {
                return;
            }
            points.setAll(read);
            long skipped = shown.rowCount() - read.size();
            message.set(skipped == 0 ? "" : eventTimes.contains(xc) && !xc.numeric()
                    ? format(skipped) + " rows with an empty y, or an x that is not an ISO-8601 time, are not plotted."
                    : format(skipped) + " rows with an empty x or y are not plotted.");
        }, e -> {
            if (asked == generation) {
                message.set(e.getMessage());
            }
        });
    }

    private static List<Point> read(QueryResult result, int xi, int yi, Kind k) {
        List<Point> read = new ArrayList<>();
        for (Object[] row : result.page(0, (int) result.rowCount())) {
            Object xv = xValue(row[xi], k);
            if (xv != null && row[yi] instanceof Number n) {
                read.add(new Point(xv, n.doubleValue()));
            }
        }
        if (k != Kind.BARS) {
            // A line connects points in x order, whatever order the query had.
            read.sort(Comparator.comparingDouble(p -> ((Number) p.x()).doubleValue()));
        }
        return read;
    }

    private static Object xValue(Object value, Kind k) {
        if (value == null) {
            return null;
        }
        return switch (k) {
            case TIME_LINE -> epochMillis(value);
            case NUMBER_LINE -> value instanceof Number n ? n.doubleValue() : null;
            default -> ValueText.of(value);
        };
    }

    static Long epochMillis(Object value) {
        if (value instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (value instanceof Number seconds) {
            // A Fractional event time: seconds since the epoch (NaN and infinities are not a time).
            double s = seconds.doubleValue();
            return Double.isFinite(s) ? Math.round(s * 1000) : null;
        }
        if (value instanceof String text) {
            Instant parsed = EventTimes.parseSageMakerIso(text);
            return parsed == null ? null : parsed.toEpochMilli();
        }
        return null;
    }

    /** Writes and runs a query that reduces the result to chart size in DuckDB (see {@link ChartReduction}). */
    public void reduce() {
        QueryResult shown = result;
        ResultColumn xc = x.get();
        ResultColumn yc = y.get();
        if (shown == null || xc == null || yc == null || !canReduce.get()) {
            return;
        }
        // Event times as text or seconds become instants first, so DuckDB can bucket them by time.
        String sql = eventTimes.contains(xc) ? ChartReduction.asInstants(shown.sql(), xc.name()) : shown.sql();
        // Decided here, on the FX thread: a new result may reset the event-time columns meanwhile.
        boolean time = timeAxis(xc);
        if (!time && !xc.numeric()) {
            runQuery.accept(ChartReduction.topCategories(sql, xc.name(), yc.name(), MAX_BARS));
            return;
        }
        message.set("Finding the range of " + xc.name() + "…");
        executor.execute(() -> {
            try (QueryResult bounds = store.query().run(ChartReduction.bounds(sql, xc.name()), QueryOptions.DEFAULT,
                    new QueryCancellation())) {
                Object[] row = bounds.page(0, 1).get(0);
                if (time) {
                    Long lo = epochMillis(row[0]);
                    Long hi = epochMillis(row[1]);
                    Duration span = lo == null || hi == null ? Duration.ZERO : Duration.ofMillis(hi - lo);
                    return ChartReduction.timeBuckets(sql, xc.name(), yc.name(), ChartReduction.unitFor(span));
                }
                double lo = row[0] instanceof Number n ? n.doubleValue() : 0;
                double hi = row[1] instanceof Number n ? n.doubleValue() : 0;
                return ChartReduction.numberBins(sql, xc.name(), yc.name(), ChartReduction.binWidth(lo, hi));
            }
        }, reduced -> {
            if (result == shown) {
                runQuery.accept(reduced);
            }
        }, e -> {
            if (result == shown) {
                message.set(e.getMessage());
            }
        });
    }

    private static String format(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    public ObservableList<ResultColumn> xChoices() {
        return xChoices;
    }

    public ObservableList<ResultColumn> yChoices() {
        return yChoices;
    }

    public ObjectProperty<ResultColumn> xProperty() {
        return x;
    }

    public ObjectProperty<ResultColumn> yProperty() {
        return y;
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** The points to draw, in x order for lines. */
    public ObservableList<Point> points() {
        return points;
    }

    /** Why nothing is drawn, or what was left out; empty when all is plotted. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReduceProperty() {
        return canReduce.getReadOnlyProperty();
    }
}
