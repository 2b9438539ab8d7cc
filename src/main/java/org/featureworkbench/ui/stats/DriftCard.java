package org.featureworkbench.ui.stats;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.featureworkbench.query.stats.DriftReading;
import org.featureworkbench.query.stats.DriftReport;
import org.featureworkbench.query.stats.FeatureDrift;
import org.featureworkbench.ui.FormLayout;

/** Two event-time windows (whole UTC days) and the PSI of each feature between them, colour-coded. */
final class DriftCard extends VBox {
    DriftCard(StatisticsViewModel vm) {
        super(8);
        getStyleClass().add("card");
        setId("driftCard");
        Label title = new Label("Drift between two windows");
        title.getStyleClass().add("chart-title");
        Label hint = new Label("Population stability index of each feature: the reference window's deciles (numbers) or "
                + "top values (strings) as bins. Below 0.1 stable, 0.1–0.25 moderate, above 0.25 shifted.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        DatePicker refFrom = picker("driftRefFrom", vm.referenceFromProperty(), vm::dateNotUnderstood);
        DatePicker refTo = picker("driftRefTo", vm.referenceToProperty(), vm::dateNotUnderstood);
        DatePicker curFrom = picker("driftCurFrom", vm.currentFromProperty(), vm::dateNotUnderstood);
        DatePicker curTo = picker("driftCurTo", vm.currentToProperty(), vm::dateNotUnderstood);
        Button compare = new Button("Compare");
        compare.setId("compareWindows");
        compare.getStyleClass().add("accent");
        compare.setOnAction(e -> vm.compareWindows());
        compare.disableProperty().bind(vm.busyProperty());
        HBox windows = new HBox(8, new Label("Reference"), refFrom, new Label("to"), refTo, new Label("   Current"), curFrom,
                new Label("to"), curTo, compare);
        windows.setAlignment(Pos.CENTER_LEFT);
        Label error = FormLayout.messageLabel("driftError", "error");
        error.textProperty().bind(vm.driftErrorProperty());
        Label rows = new Label();
        rows.setId("driftRows");
        rows.getStyleClass().add("hint");
        rows.setWrapText(true); // a note below the counts is a sentence or two

        TableView<FeatureDrift> table = new TableView<>();
        table.setId("driftTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Feature", FeatureDrift::feature));
        table.getColumns().add(column("Type", d -> d.type().awsName()));
        table.getColumns().add(column("PSI", d -> String.format(Locale.ROOT, "%.4f", d.psi())));
        TableColumn<FeatureDrift, String> reading = column("Reading", d -> d.reading().label());
        reading.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("drift-stable", "drift-moderate", "drift-shifted");
                setText(empty || item == null ? null : item);
                if (!empty && item != null) {
                    getStyleClass().add("drift-" + item);
                }
            }
        });
        table.getColumns().add(reading);
        table.getColumns().add(column("Biggest change", DriftCard::biggestChange));
        table.setFixedCellSize(26);
        table.setPlaceholder(new Label("Choose two windows and press Compare"));
        table.setPrefHeight(160);
        vm.driftProperty().addListener((obs, old, r) -> show(r, table, rows));
        getChildren().addAll(title, hint, windows, error, rows, table);
    }

    private static void show(DriftReport r, TableView<FeatureDrift> table, Label rows) {
        table.getItems().setAll(r == null ? java.util.List.of() : r.features());
        table.setPrefHeight(26 * Math.max(3, table.getItems().size()) + 34);
        rows.setText(r == null ? "" : "Reference: " + StatsFormat.count(r.referenceRows()) + " rows · current: "
                + StatsFormat.count(r.currentRows()) + " rows (history rows, delete markers left out)"
                + r.cautions().stream().map(c -> "\nNote: " + c).collect(java.util.stream.Collectors.joining()));
    }

    static String biggestChange(FeatureDrift d) {
        return d.buckets().stream()
                .max((a, b) -> Double.compare(Math.abs(a.currentShare() - a.referenceShare()),
                        Math.abs(b.currentShare() - b.referenceShare())))
                .filter(b -> d.reading() != DriftReading.STABLE || Math.abs(b.currentShare() - b.referenceShare()) > 0.0005)
                .map(b -> b.label() + ": " + String.format(Locale.ROOT, "%.1f%% → %.1f%%", 100 * b.referenceShare(),
                        100 * b.currentShare()))
                .orElse("");
    }

    private static DatePicker picker(String id, javafx.beans.property.ObjectProperty<java.time.LocalDate> value,
                                     java.util.function.Consumer<String> notADate) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPrefWidth(130);
        p.setConverter(new IsoDates(notADate));
        p.valueProperty().bindBidirectional(value);
        return p;
    }

    /**
     * ISO dates (2026-11-01) whatever the machine's locale: the form the CLI and the table use. Text
     * that is no date is told to the view model and leaves the field empty; JavaFX's own converter
     * throws, which reached the user as an error dialog with a stack trace.
     */
    private static final class IsoDates extends javafx.util.StringConverter<java.time.LocalDate> {
        private final java.util.function.Consumer<String> notADate;

        IsoDates(java.util.function.Consumer<String> notADate) {
            this.notADate = notADate;
        }

        @Override
        public String toString(java.time.LocalDate date) {
            return date == null ? "" : date.toString();
        }

        @Override
        public java.time.LocalDate fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return java.time.LocalDate.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                notADate.accept(text.strip());
                return null;
            }
        }
    }

    private static TableColumn<FeatureDrift, String> column(String name, Function<FeatureDrift, String> value) {
        TableColumn<FeatureDrift, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setPrefWidth(110);
        return c;
    }
}
