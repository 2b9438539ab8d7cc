package org.featureworkbench.ui.records;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The lookup results: one row per found record, one column per feature (record id first), then
 * the event time and the expiry. Columns follow the group's schema; the selected row is the one
 * "Delete…" offers.
 */
final class RecordsTable extends TableView<RecordRow> {
    private static final double ROW_HEIGHT = 30;

    RecordsTable(LookupViewModel vm) {
        super(vm.records());
        setId("recordsTable");
        setFixedCellSize(ROW_HEIGHT);
        setPlaceholder(new Label("Look up record ids above to see their latest values here."));
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        setPrefHeight(8 * ROW_HEIGHT + 32);
        setMinHeight(4 * ROW_HEIGHT + 32);
        build(vm.columns());
        vm.columns().addListener((ListChangeListener<ResultColumn>) c -> build(vm.columns()));
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                getSelectionModel().clearSelection();
            } else if (getSelectionModel().getSelectedItem() != now) {
                getSelectionModel().select(now);
            }
        });
    }

    private void build(List<ResultColumn> columns) {
        getColumns().clear();
        for (ResultColumn c : columns) {
            TableColumn<RecordRow, String> column = new TableColumn<>();
            Label header = new Label(c.title());
            header.setTooltip(new Tooltip(c.typeHint()));
            column.setGraphic(header);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().cell(c)));
            column.setPrefWidth(width(c));
            column.setSortable(c.kind() != ResultColumn.Kind.EXPIRES_AT);
            if (c.kind() == ResultColumn.Kind.RECORD_ID) {
                column.getStyleClass().add("id-column");
            }
            getColumns().add(column);
        }
    }

    private static double width(ResultColumn c) {
        return switch (c.kind()) {
            case RECORD_ID -> 110;
            case FEATURE -> Math.max(70, Math.min(160, c.title().length() * 8 + 20));
            case EVENT_TIME -> 180;
            case EXPIRES_AT -> 160;
        };
    }
}
