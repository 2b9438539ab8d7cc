package org.featureworkbench.ui.stats;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;
import org.featureworkbench.model.UserTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.stats.DriftReport;
import org.featureworkbench.query.stats.EventWindow;
import org.featureworkbench.query.stats.FeatureSeries;
import org.featureworkbench.query.stats.GroupStatistics;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The Statistics tab of a group page: the group's statistics (latest snapshot or all history),
 * one record's feature history, and drift between two event-time windows. Every store call runs
 * through the {@link TaskExecutor}; a new request cancels the one of the same kind still running.
 * Failures become a message in {@link #errorProperty()}, never a stack trace.
 */
public final class StatisticsViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final ObjectProperty<FeatureGroup> group = new SimpleObjectProperty<>(this, "group");
    private final BooleanProperty latestOnly = new SimpleBooleanProperty(this, "latestOnly", false);
    private final ReadOnlyObjectWrapper<GroupStatistics> statistics = new ReadOnlyObjectWrapper<>(this, "statistics");
    private final ReadOnlyObjectWrapper<FeatureSeries> series = new ReadOnlyObjectWrapper<>(this, "series");
    private final ReadOnlyObjectWrapper<DriftReport> drift = new ReadOnlyObjectWrapper<>(this, "drift");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper seriesError = new ReadOnlyStringWrapper(this, "seriesError", "");
    private final ReadOnlyStringWrapper driftError = new ReadOnlyStringWrapper(this, "driftError", "");
    private final StringProperty recordId = new SimpleStringProperty(this, "recordId", "");
    private final StringProperty seriesFeature = new SimpleStringProperty(this, "seriesFeature");
    private final ObjectProperty<LocalDate> referenceFrom = new SimpleObjectProperty<>(this, "referenceFrom");
    private final ObjectProperty<LocalDate> referenceTo = new SimpleObjectProperty<>(this, "referenceTo");
    private final ObjectProperty<LocalDate> currentFrom = new SimpleObjectProperty<>(this, "currentFrom");
    private final ObjectProperty<LocalDate> currentTo = new SimpleObjectProperty<>(this, "currentTo");
    private int running;
    private QueryCancellation statisticsRun;
    private boolean active;

    public StatisticsViewModel(FeatureStore store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        group.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.name().equals(now.name())) {
                statistics.set(null);
                series.set(null);
                drift.set(null);
                error.set("");
                seriesError.set("");
                driftError.set("");
                recordId.set("");
                seriesFeature.set(now == null ? null : numericFeatures(now).stream().findFirst().orElse(null));
            }
            if (active) {
                refresh();
            }
        });
        latestOnly.addListener((obs, was, now) -> refresh());
    }

    /** Starts loading (once the tab is first shown); later group changes reload at once. */
    public void activate() {
        if (!active) {
            active = true;
            refresh();
        }
    }

    /** Computes the statistics again (served from the cache when the offline files did not change). */
    public void refresh() {
        FeatureGroup g = group.get();
        if (g == null) {
            return;
        }
        if (statisticsRun != null) {
            statisticsRun.cancel();
        }
        QueryCancellation cancellation = new QueryCancellation();
        statisticsRun = cancellation;
        boolean latest = latestOnly.get();
        error.set("");
        run(() -> store.query().statistics(g.name(), latest, cancellation), s -> {
            if (cancellation == statisticsRun) {
                statistics.set(s);
                suggestWindows(s);
            }
        }, e -> {
            if (cancellation == statisticsRun && !cancellation.isCancelled()) {
                error.set(message(e));
            }
        });
    }

    /** Loads the chosen record's history of the chosen numeric feature. */
    public void showSeries() {
        FeatureGroup g = group.get();
        String id = recordId.get() == null ? "" : recordId.get().strip();
        String feature = seriesFeature.get();
        if (g == null) {
            return;
        }
        if (id.isEmpty() || feature == null) {
            seriesError.set("Type a record id and choose a numeric feature.");
            return;
        }
        seriesError.set("");
        // An answer that arrives after the user moved to another group is dropped.
        run(() -> store.query().featureSeries(g.name(), id, feature, new QueryCancellation()), s -> {
            if (group.get() != g) {
                return;
            }
            series.set(s);
            if (s.points().isEmpty()) {
                seriesError.set("Record " + id + " has no values of " + feature + " in the offline store.");
            }
        }, e -> {
            if (group.get() == g) {
                seriesError.set(message(e));
            }
        });
    }

    /** Compares the current window with the reference window (whole UTC days, both ends included). */
    /** A drift window's date field held text that is no date: said under the windows, the old reading cleared. */
    public void dateNotUnderstood(String text) {
        drift.set(null);
        driftError.set("'" + text + "' is not a date: write it as 2026-11-01, or pick one from the calendar.");
    }

    public void compareWindows() {
        FeatureGroup g = group.get();
        if (g == null) {
            return;
        }
        if (referenceFrom.get() == null || referenceTo.get() == null || currentFrom.get() == null
                || currentTo.get() == null) {
            drift.set(null);
            driftError.set("Choose the first and last day of both windows.");
            return;
        }
        EventWindow reference;
        EventWindow current;
        try {
            reference = window(referenceFrom.get(), referenceTo.get(), "reference");
            current = window(currentFrom.get(), currentTo.get(), "current");
        } catch (FeatureStoreException e) {
            // The reading under the error would be of other windows than those shown.
            drift.set(null);
            driftError.set(e.getMessage());
            return;
        }
        driftError.set("");
        run(() -> store.query().drift(g.name(), reference, current, new QueryCancellation()), d -> {
            if (group.get() == g) {
                drift.set(d);
            }
        }, e -> {
            if (group.get() == g) {
                drift.set(null);
                driftError.set(message(e));
            }
        });
    }

    private static EventWindow window(LocalDate from, LocalDate to, String name) {
        if (from.isAfter(to)) {
            throw new FeatureStoreException("The " + name + " window ends before it starts: choose a last day on or after "
                    + from + ".");
        }
        return new EventWindow(UserTimes.parse(from.toString(), false), UserTimes.parse(to.toString(), true));
    }

    /** Until the user picks windows: the first and second half of the event-time range. */
    private void suggestWindows(GroupStatistics s) {
        if (referenceFrom.get() != null || s.firstEvent().isEmpty()) {
            return;
        }
        LocalDate first = s.firstEvent().get().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = s.lastEvent().orElseThrow().atZone(ZoneOffset.UTC).toLocalDate();
        long days = ChronoUnit.DAYS.between(first, last);
        LocalDate middle = first.plusDays(Math.max(0, days / 2));
        referenceFrom.set(first);
        referenceTo.set(middle.isAfter(first) ? middle.minusDays(1) : first);
        currentFrom.set(middle);
        currentTo.set(last);
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done,
                         java.util.function.Consumer<Throwable> failed) {
        running++;
        busy.set(true);
        executor.execute(work, result -> {
            finished();
            done.accept(result);
        }, e -> {
            finished();
            failed.accept(e);
        });
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    static String message(Throwable e) {
        if (e instanceof FeatureStoreException && e.getMessage() != null) {
            String m = e.getMessage();
            return Character.toUpperCase(m.charAt(0)) + m.substring(1) + (m.endsWith(".") ? "" : ".");
        }
        return "The statistics could not be computed: " + IoProblems.describe(e) + ".";
    }

    /** The group's Integral and Fractional features, in catalog order. */
    static List<String> numericFeatures(FeatureGroup g) {
        return g.features().stream().filter(f -> f.type() != FeatureType.STRING).map(FeatureDefinition::name).toList();
    }

    /** The executor, for the view's own background work (writing a chart's PNG). */
    TaskExecutor executor() {
        return executor;
    }

    public ObjectProperty<FeatureGroup> groupProperty() {
        return group;
    }

    /** False: every stored row but delete markers; true: the latest snapshot. Changing it reloads. */
    public BooleanProperty latestOnlyProperty() {
        return latestOnly;
    }

    public ReadOnlyObjectProperty<GroupStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FeatureSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DriftReport> driftProperty() {
        return drift.getReadOnlyProperty();
    }

    /** True while any statistics, series or drift computation runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seriesErrorProperty() {
        return seriesError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty driftErrorProperty() {
        return driftError.getReadOnlyProperty();
    }

    public StringProperty recordIdProperty() {
        return recordId;
    }

    public StringProperty seriesFeatureProperty() {
        return seriesFeature;
    }

    public ObjectProperty<LocalDate> referenceFromProperty() {
        return referenceFrom;
    }

    public ObjectProperty<LocalDate> referenceToProperty() {
        return referenceTo;
    }

    public ObjectProperty<LocalDate> currentFromProperty() {
        return currentFrom;
    }

    public ObjectProperty<LocalDate> currentToProperty() {
        return currentTo;
    }
}
