package org.featureworkbench.ui.explore;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.ui.FormLayout;

/** The Chart tab of the Explore page: x and y pickers, the chart, and why nothing (or not all) is drawn. */
final class ChartView extends VBox {
    private final ChartViewModel vm;
    private final StackPane area = new StackPane();

    ChartView(ChartViewModel vm) {
        super(8);
        this.vm = vm;
        getStyleClass().add("chart-view");
        ComboBox<ResultColumn> x = picker("chartX", vm.xChoices());
        x.valueProperty().bindBidirectional(vm.xProperty());
        ComboBox<ResultColumn> y = picker("chartY", vm.yChoices());
        y.valueProperty().bindBidirectional(vm.yProperty());
        Button reduce = new Button("Reduce in DuckDB");
        reduce.setId("chartReduce");
        reduce.visibleProperty().bind(vm.canReduceProperty());
        reduce.managedProperty().bind(reduce.visibleProperty());
        reduce.setOnAction(e -> vm.reduce());
        Label hint = new Label("A time for x (event times too) draws a line over time, a number a line, anything else bars.");
        hint.getStyleClass().add("hint");
        HBox controls = new HBox(8, new Label("x"), x, new Label("y"), y, reduce, hint);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label message = FormLayout.messageLabel("chartMessage", "not-found");
        message.textProperty().bind(vm.messageProperty());
        VBox.setVgrow(area, Priority.ALWAYS);
        getChildren().addAll(controls, message, area);
        vm.points().addListener((ListChangeListener<ChartViewModel.Point>) c -> render());
        vm.kindProperty().addListener((o, a, b) -> render());
    }

    private static ComboBox<ResultColumn> picker(String id, javafx.collections.ObservableList<ResultColumn> items) {
        ComboBox<ResultColumn> box = new ComboBox<>(items);
        box.setId(id);
        box.setPrefWidth(200);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(ResultColumn c) {
                return c == null ? "" : c.name();
            }

            @Override
            public ResultColumn fromString(String s) {
                return null;
            }
        });
        box.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ResultColumn c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name() + "   (" + c.type().toLowerCase() + ")");
            }
        });
        return box;
    }

    private void render() {
        area.getChildren().clear();
        if (vm.points().isEmpty() || vm.kindProperty().get() == ChartViewModel.Kind.NONE) {
            return;
        }
        String xName = vm.xProperty().get() == null ? "" : vm.xProperty().get().name();
        String yName = vm.yProperty().get() == null ? "" : vm.yProperty().get().name();
        XYChart<?, ?> chart = vm.kindProperty().get() == ChartViewModel.Kind.BARS ? bars(xName) : line(xName);
        chart.setId("resultChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getYAxis().setLabel(yName);
        area.getChildren().add(chart);
    }

    private LineChart<Number, Number> line(String xName) {
        NumberAxis xAxis = new NumberAxis();
        xAxis.setForceZeroInRange(false);
        xAxis.setLabel(xName);
        if (vm.kindProperty().get() == ChartViewModel.Kind.TIME_LINE) {
            xAxis.setLabel(xName + " (UTC)");
            xAxis.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number millis) {
                    return TimeTicks.label(millis.longValue(), xAxis.getUpperBound() - xAxis.getLowerBound());
                }

                @Override
                public Number fromString(String s) {
                    return null;
                }
            });
        }
        NumberAxis yAxis = new NumberAxis();
        yAxis.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
        chart.setCreateSymbols(vm.points().size() <= 60);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (ChartViewModel.Point p : vm.points()) {
            series.getData().add(new XYChart.Data<>((Number) p.x(), p.y()));
        }
        chart.getData().add(series);
        return chart;
    }

    private BarChart<String, Number> bars(String xName) {
        CategoryAxis xAxis = new CategoryAxis();
        xAxis.setLabel(xName);
        BarChart<String, Number> chart = new BarChart<>(xAxis, new NumberAxis());
        chart.setCategoryGap(4);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (ChartViewModel.Point p : vm.points()) {
            series.getData().add(new XYChart.Data<>((String) p.x(), p.y()));
        }
        chart.getData().add(series);
        return chart;
    }
}
