package org.featureworkbench.ui.stats;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.featureworkbench.query.stats.FeatureStatistics;
import org.featureworkbench.query.stats.NumericSummary;

/** One row per feature: count, nulls, distinct, and the numbers of numeric features. */
final class SummaryTable extends TableView<FeatureStatistics> {
    SummaryTable() {
        setId("statsSummary");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("Feature", FeatureStatistics::name, 125));
        getColumns().add(column("Type", f -> f.type().awsName(), 82));
        getColumns().add(column("Count", f -> StatsFormat.count(f.count()), 72));
        getColumns().add(column("Nulls", f -> StatsFormat.count(f.nulls()), 58));
        getColumns().add(column("Distinct", f -> StatsFormat.count(f.distinct()), 66));
        getColumns().add(number("Min", NumericSummary::min));
        getColumns().add(number("Max", NumericSummary::max));
        getColumns().add(number("Mean", NumericSummary::mean));
        getColumns().add(number("Std", NumericSummary::std));
        getColumns().add(number("P25", NumericSummary::p25));
        getColumns().add(number("P50", NumericSummary::p50));
        getColumns().add(number("P75", NumericSummary::p75));
        setFixedCellSize(26);
        setPlaceholder(new javafx.scene.control.Label("No statistics yet"));
    }

    /** Shows every row without an inner scroll bar (the tab scrolls as a whole). */
    void fitRows() {
        setPrefHeight(getFixedCellSize() * Math.max(1, getItems().size()) + 34);
        setMinHeight(getPrefHeight());
    }

    private static TableColumn<FeatureStatistics, String> number(String name, Function<NumericSummary, Double> value) {
        return column(name, f -> f.numeric() == null ? "" : StatsFormat.number(value.apply(f.numeric())), 66);
    }

    private static TableColumn<FeatureStatistics, String> column(String name, Function<FeatureStatistics, String> value,
                                                                 double width) {
        TableColumn<FeatureStatistics, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
