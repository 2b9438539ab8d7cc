package org.featureworkbench.ui.explore;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.query.ResultColumn;

/**
 * A query result as a table with a pager below it: the table (virtualised by JavaFX) holds one
 * page; First / Previous / Next / Last read other pages from DuckDB. Row numbers count in the whole
 * result. One component for the Explore page and the Data tab; {@code idPrefix} keeps their node
 * ids apart ({@code <prefix>Table}, {@code <prefix>Next}, {@code <prefix>PageText}…).
 */
public final class ResultTable extends VBox {
    private static final double ROW_HEIGHT = 26;

    private final ResultPager pager;
    private final TableView<Object[]> table;
    private boolean sized;

    public ResultTable(ResultPager pager, String idPrefix, String placeholder) {
        super(6);
        this.pager = pager;
        getStyleClass().add("result-table");
        table = new TableView<>(pager.rows());
        table.setId(idPrefix + "Table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = new Label(placeholder);
        empty.getStyleClass().add("hint");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.getSelectionModel().setCellSelectionEnabled(true);
        VBox.setVgrow(table, Priority.ALWAYS);
        build(pager.columns());
        pager.columns().addListener((ListChangeListener<ResultColumn>) c -> build(pager.columns()));
        // Columns take the width of their first page's values once, then keep what the user drags.
        pager.rows().addListener((ListChangeListener<Object[]>) c -> {
            if (!sized && !pager.rows().isEmpty()) {
                sized = true;
                fitColumns();
            }
        });
        getChildren().addAll(table, pagerBar(idPrefix));
    }

    private HBox pagerBar(String idPrefix) {
        Button first = button(idPrefix + "First", "« First", "First page", pager::first);
        Button previous = button(idPrefix + "Previous", "◀ Previous", "Previous " + ResultPager.PAGE_SIZE + " rows",
                pager::previous);
        Button next = button(idPrefix + "Next", "Next ▶", "Next " + ResultPager.PAGE_SIZE + " rows", pager::next);
        Button last = button(idPrefix + "Last", "Last »", "Last page", pager::last);
        first.disableProperty().bind(pager.hasPreviousProperty().not());
        previous.disableProperty().bind(pager.hasPreviousProperty().not());
        next.disableProperty().bind(pager.hasNextProperty().not());
        last.disableProperty().bind(pager.hasNextProperty().not());
        Label text = new Label();
        text.setId(idPrefix + "PageText");
        text.textProperty().bind(pager.pageTextProperty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(14, 14);
        loading.visibleProperty().bind(pager.loadingProperty());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label size = new Label(ResultPager.PAGE_SIZE + " rows a page");
        size.getStyleClass().add("hint");
        HBox bar = new HBox(6, first, previous, text, next, last, loading, spacer, size);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pager-bar");
        bar.visibleProperty().bind(pager.rowCountProperty().greaterThan(0));
        return bar;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void fitColumns() {
        List<Object[]> sample = pager.rows().subList(0, Math.min(100, pager.rows().size()));
        for (int i = 1; i < table.getColumns().size(); i++) {
            int index = i - 1;
            ResultColumn rc = pager.columns().get(index);
            int chars = rc.name().length() + 2;
            for (Object[] row : sample) {
                chars = Math.max(chars, index < row.length ? ValueText.of(row[index]).length() : 0);
            }
            table.getColumns().get(i).setPrefWidth(Math.max(60, Math.min(360, chars * 7.6 + 22)));
        }
    }

    private void build(List<ResultColumn> columns) {
        sized = false;
        table.getColumns().clear();
        if (columns.isEmpty()) {
            return;
        }
        TableColumn<Object[], String> number = new TableColumn<>("#");
        number.setSortable(false);
        number.setReorderable(false);
        number.getStyleClass().add("row-number-column");
        number.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || getIndex() < 0 ? null : Long.toString(pager.offsetProperty().get() + getIndex() + 1));
            }
        });
        number.setPrefWidth(64);
        table.getColumns().add(number);
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn rc = columns.get(i);
            int index = i;
            TableColumn<Object[], String> column = new TableColumn<>();
            Label header = new Label(rc.name());
            header.setTooltip(new Tooltip(rc.name() + " · " + rc.type()));
            column.setGraphic(header);
            // Sorting one page would mislead: order the whole result with ORDER BY instead.
            column.setSortable(false);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    index < cell.getValue().length ? ValueText.of(cell.getValue()[index]) : ""));
            column.setCellFactory(c -> new ValueCell(rc.numeric()));
            column.setPrefWidth(width(rc));
            table.getColumns().add(column);
        }
    }

    private static double width(ResultColumn c) {
        if (c.temporal()) {
            return 215;
        }
        if (c.numeric()) {
            return Math.max(90, c.name().length() * 8 + 24);
        }
        return Math.max(110, Math.min(220, c.name().length() * 8 + 40));
    }

    public TableView<Object[]> table() {
        return table;
    }

    /** A value; NULL in grey, numbers right-aligned. */
    private static final class ValueCell extends TableCell<Object[], String> {
        private final boolean numeric;

        ValueCell(boolean numeric) {
            this.numeric = numeric;
            if (numeric) {
                setAlignment(Pos.CENTER_RIGHT);
            }
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("null-value");
            setText(empty ? null : item);
            if (!empty && ValueText.NULL.equals(item)) {
                getStyleClass().add("null-value");
            }
        }
    }
}
