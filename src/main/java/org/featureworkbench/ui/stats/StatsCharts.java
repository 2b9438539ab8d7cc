package org.featureworkbench.ui.stats;

import java.util.List;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.featureworkbench.query.stats.FeatureSeries;
import org.featureworkbench.query.stats.FeatureStatistics;
import org.featureworkbench.query.stats.Histogram;
import org.featureworkbench.query.stats.TimeSeries;
import org.featureworkbench.query.stats.ValueCount;

/** The charts of the Statistics tab, built from the statistics records (no animation: data shows at once). */
final class StatsCharts {
    private StatsCharts() {
    }

    /** Bars of a numeric feature's histogram, one per bin, labelled with the bin's lower edge. */
    static BarChart<String, Number> histogram(FeatureStatistics f) {
        BarChart<String, Number> chart = bars("Rows");
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(f.name());
        for (Histogram.Bin b : f.histogram().bins()) {
            series.getData().add(new XYChart.Data<>(StatsFormat.number(b.from()), b.count()));
        }
        chart.getData().add(series);
        chart.setId("histogram-" + f.name());
        chart.setCategoryGap(1);
        chart.setBarGap(0);
        return chart;
    }

    /** Bars of a String feature's most frequent values. */
    static BarChart<String, Number> topValues(FeatureStatistics f) {
        BarChart<String, Number> chart = bars("Rows");
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(f.name());
        for (ValueCount v : f.topValues()) {
            series.getData().add(new XYChart.Data<>(v.value().isEmpty() ? "(empty)" : v.value(), v.count()));
        }
        chart.getData().add(series);
        chart.setId("topValues-" + f.name());
        return chart;
    }

    /** Rows per time bucket of event time. */
    static AreaChart<Number, Number> overTime(TimeSeries t) {
        NumberAxis x = timeAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("Rows per " + t.bucket());
        AreaChart<Number, Number> chart = new AreaChart<>(x, y);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (TimeSeries.Point p : t.points()) {
            series.getData().add(new XYChart.Data<>(p.start().toEpochMilli(), p.count()));
        }
        chart.getData().add(series);
        chart.setCreateSymbols(false);
        fit(x, t.points().isEmpty() ? 0 : t.points().get(0).start().toEpochMilli(),
                t.points().isEmpty() ? 0 : t.points().get(t.points().size() - 1).start().toEpochMilli());
        style(chart);
        chart.setId("overTimeChart");
        return chart;
    }

    /** One record's values over event time. */
    static LineChart<Number, Number> series(FeatureSeries s) {
        NumberAxis x = timeAxis();
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        y.setLabel(s.feature());
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (FeatureSeries.Point p : s.points()) {
            series.getData().add(new XYChart.Data<>(p.eventTime().toEpochMilli(), p.value()));
        }
        chart.getData().add(series);
        fit(x, s.points().isEmpty() ? 0 : s.points().get(0).eventTime().toEpochMilli(),
                s.points().isEmpty() ? 0 : s.points().get(s.points().size() - 1).eventTime().toEpochMilli());
        chart.setCreateSymbols(s.points().size() <= 60);
        style(chart);
        chart.setId("seriesChart");
        return chart;
    }

    /** The data points of a chart's first series (for tests and the chart's own checks). */
    static <X, Y> List<XYChart.Data<X, Y>> points(XYChart<X, Y> chart) {
        return chart.getData().isEmpty() ? List.of() : chart.getData().get(0).getData();
    }

    /** The time axis spans exactly the data, with six ticks (auto-ranging would pad it to odd minutes). */
    private static void fit(NumberAxis x, long first, long last) {
        long span = Math.max(last - first, 3_600_000L);
        x.setAutoRanging(false);
        x.setLowerBound(first);
        x.setUpperBound(first + span);
        x.setTickUnit(span / 6.0);
    }

    private static NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(StatsFormat.epochMillis());
        x.setLabel("Event time (UTC)");
        return x;
    }

    private static BarChart<String, Number> bars(String yLabel) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        style(chart);
        return chart;
    }

    private static void style(XYChart<?, ?> chart) {
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(220);
        chart.setPrefHeight(240);
        chart.getStyleClass().add("stats-chart");
    }
}
