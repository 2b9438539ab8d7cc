package org.featureworkbench.ui.stats;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.featureworkbench.query.stats.FeatureStatistics;
import org.featureworkbench.query.stats.GroupStatistics;
import org.featureworkbench.ui.FormLayout;

/**
 * The Statistics tab: summary table, rows over time, a histogram or top-values chart per feature,
 * one record's feature history and drift between two windows. Every chart saves as PNG. All numbers
 * come from {@link StatisticsViewModel}, which computes them off the FX thread.
 */
public final class StatisticsView extends ScrollPane {
    /** Charts per page of features: enough for a screenful, few enough to draw at once. */
    static final int MAX_FEATURE_CHARTS = 24;

    private final StatisticsViewModel vm;
    private final SummaryTable summary = new SummaryTable();
    private final StackPane overTime = new StackPane();
    private final TilePane featureCharts = new TilePane(12, 12);
    private final StackPane seriesChart = new StackPane();
    private final Label facts = new Label();
    private final Label chartsNote = new Label();

    public StatisticsView(StatisticsViewModel vm) {
        this.vm = vm;
        setId("statisticsPage");
        setFitToWidth(true);
        getStyleClass().add("page-scroll");

        Label error = FormLayout.messageLabel("statsError", "error");
        error.textProperty().bind(vm.errorProperty());
        featureCharts.setId("featureCharts");
        featureCharts.setPrefTileWidth(420);
        featureCharts.setPrefColumns(2);
        chartsNote.getStyleClass().add("hint");
        chartsNote.managedProperty().bind(chartsNote.textProperty().isNotEmpty());
        VBox summaryCard = card("Summary", summary);
        VBox features = card("Distributions", new VBox(8, chartsNote, featureCharts));
        VBox content = new VBox(14, toolbar(), error, summaryCard, overTime, features, seriesCard(), new DriftCard(vm));
        content.getStyleClass().add("page-content");
        setContent(content);

        vm.statisticsProperty().addListener((obs, old, s) -> show(s));
        vm.seriesProperty().addListener((obs, old, s) -> seriesChart.getChildren().setAll(s == null || s.points().isEmpty()
                ? List.of() : List.of(new ChartCard(s.feature() + " of record " + s.recordId()
                + (s.reduced() ? " (" + StatsFormat.count(s.points().size()) + " of " + StatsFormat.count(s.versions())
                + " versions: min and max per time bucket)" : ""), vm.groupProperty().get().name() + "-" + s.recordId()
                + "-" + s.feature(), StatsCharts.series(s), vm.executor()))));
        show(vm.statisticsProperty().get());
    }

    private HBox toolbar() {
        ToggleGroup scope = new ToggleGroup();
        ToggleButton history = new ToggleButton("All history");
        history.setId("scopeHistory");
        ToggleButton latest = new ToggleButton("Latest snapshot");
        latest.setId("scopeLatest");
        history.setToggleGroup(scope);
        latest.setToggleGroup(scope);
        (vm.latestOnlyProperty().get() ? latest : history).setSelected(true);
        scope.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                vm.latestOnlyProperty().set(now == latest);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("refreshStats");
        refresh.setOnAction(e -> vm.refresh());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("statsProgress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(vm.busyProperty());
        facts.setId("statsFacts");
        facts.getStyleClass().add("hint");
        facts.setMinWidth(0);
        HBox bar = new HBox(8, history, latest, refresh, progress, facts);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (var b : List.of(history, latest, refresh)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    private VBox seriesCard() {
        TextField id = new TextField();
        id.setId("seriesRecordId");
        id.setPromptText("Record id");
        id.textProperty().bindBidirectional(vm.recordIdProperty());
        ComboBox<String> feature = new ComboBox<>();
        feature.setId("seriesFeature");
        feature.valueProperty().bindBidirectional(vm.seriesFeatureProperty());
        vm.groupProperty().addListener((obs, old, g) -> feature.setItems(FXCollections.observableArrayList(
                g == null ? List.of() : StatisticsViewModel.numericFeatures(g))));
        if (vm.groupProperty().get() != null) {
            feature.setItems(FXCollections.observableArrayList(StatisticsViewModel.numericFeatures(vm.groupProperty().get())));
        }
        Button show = new Button("Show history");
        show.setId("showSeries");
        show.setOnAction(e -> vm.showSeries());
        id.setOnAction(e -> vm.showSeries());
        HBox inputs = new HBox(8, id, feature, show);
        inputs.setAlignment(Pos.CENTER_LEFT);
        Label error = FormLayout.messageLabel("seriesError", "error");
        error.textProperty().bind(vm.seriesErrorProperty());
        return card("One record's feature history", new VBox(8, inputs, error, seriesChart));
    }

    private void show(GroupStatistics s) {
        summary.getItems().setAll(s == null ? List.of() : s.features());
        summary.fitRows();
        overTime.getChildren().clear();
        featureCharts.getChildren().clear();
        chartsNote.setText("");
        if (s == null) {
            facts.setText("");
            return;
        }
        facts.setText(StatsFormat.count(s.rows()) + (s.rows() == 1 ? " row" : " rows")
                + s.firstEvent().map(f -> " · event times " + StatsFormat.time(f) + " – "
                + StatsFormat.time(s.lastEvent().orElseThrow())).orElse("")
                + (s.exact() ? "" : " · distinct counts and quartiles estimated"));
        if (s.rows() == 0) {
            chartsNote.setText("The offline store holds no rows yet: ingest a file or put records, then Refresh.");
            return;
        }
        String group = s.group();
        overTime.getChildren().add(new ChartCard("Rows per " + s.overTime().bucket() + " of event time",
                group + "-rows-per-" + s.overTime().bucket(), StatsCharts.overTime(s.overTime()), vm.executor()));
        int shown = 0;
        for (FeatureStatistics f : s.features()) {
            if (shown == MAX_FEATURE_CHARTS) {
                chartsNote.setText("Charts of the first " + MAX_FEATURE_CHARTS + " features; the table lists all "
                        + s.features().size() + ".");
                break;
            }
            if (f.histogram() != null) {
                featureCharts.getChildren().add(new ChartCard(f.name() + " · " + f.histogram().bins().size()
                        + " bins", group + "-" + f.name() + "-histogram",
                        StatsCharts.histogram(f), vm.executor()));
                shown++;
            } else if (!f.topValues().isEmpty()) {
                featureCharts.getChildren().add(new ChartCard(f.name() + " · top values", group + "-" + f.name()
                        + "-top-values", StatsCharts.topValues(f), vm.executor()));
                shown++;
            }
        }
    }

    private static VBox card(String title, javafx.scene.Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("chart-title");
        VBox card = new VBox(8, heading, content);
        card.getStyleClass().add("card");
        VBox.setVgrow(content, Priority.ALWAYS);
        return card;
    }
}
