package org.featureworkbench.ui.data;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.explore.ResultTable;

/**
 * The Data tab: Latest snapshot / Full history, the filters, then the rows in the paged result
 * table the Explore page uses. Reads when first shown, when the group changes while shown, and on
 * Show (or Enter in a filter field).
 */
public final class DataView extends VBox {
    // Held here: a binding only its listener refers to can be garbage-collected and stop firing.
    private final ObservableBooleanValue active;

    public DataView(DataViewModel vm, ObservableBooleanValue active) {
        super(8);
        this.active = active;
        setId("dataPage");
        getStyleClass().add("page-content");

        ToggleGroup shape = new ToggleGroup();
        ToggleButton latest = new ToggleButton("Latest snapshot");
        latest.setId("dataLatest");
        latest.setTooltip(new Tooltip("One row per record: its newest version (DESIGN §3)"));
        ToggleButton history = new ToggleButton("Full history");
        history.setId("dataHistory");
        history.setTooltip(new Tooltip("Every version of every record, oldest first; duplicates removed"));
        latest.setToggleGroup(shape);
        history.setToggleGroup(shape);
        shape.selectToggle(vm.historyProperty().get() ? history : latest);
        shape.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                shape.selectToggle(was);
            } else if (vm.historyProperty().get() != (now == history)) {
                vm.historyProperty().set(now == history);
                vm.load();
            }
        });
        vm.historyProperty().addListener((o, was, now) -> shape.selectToggle(now ? history : latest));

        TextField id = field("dataRecordId", "any record", 140, vm.recordIdProperty(), vm);
        TextField from = field("dataFrom", "from, e.g. 2026-03-01", 180, vm.fromProperty(), vm);
        TextField to = field("dataTo", "to, e.g. 2026-03-31T18:00", 200, vm.toProperty(), vm);
        to.setTooltip(new Tooltip("Event time up to (inclusive), UTC. With the latest snapshot: each record's state "
                + "at that time."));
        CheckBox deleted = new CheckBox("Include deleted");
        deleted.setId("dataIncludeDeleted");
        deleted.setTooltip(new Tooltip("Ignore delete markers: deleted records show their last values"));
        deleted.selectedProperty().bindBidirectional(vm.includeDeletedProperty());
        Button show = new Button("Show");
        show.setId("dataShow");
        show.getStyleClass().add("accent");
        show.setOnAction(e -> vm.load());
        Button cancel = new Button("Cancel");
        cancel.setId("dataCancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        HBox shapes = new HBox(0, latest, history);
        HBox filters = new HBox(8, shapes, label("Record id"), id, label("Event time"), from, label("–"), to);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("data-filters");
        HBox actions = new HBox(8, deleted, show, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label("From the offline store. Times are UTC; a date alone means the whole day.");
        hint.getStyleClass().add("hint");
        Label status = new Label();
        status.setId("dataStatus");
        status.getStyleClass().add("query-status");
        status.textProperty().bind(vm.statusProperty());
        Label error = FormLayout.messageLabel("dataError", "banner-error");
        error.textProperty().bind(vm.errorProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        ResultTable table = new ResultTable(vm.pager(), "data", "Press Show to read this group's rows.");
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox line = new HBox(12, status, hint);
        line.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(filters, actions, line, error, table);

        active.addListener((o, was, now) -> {
            if (now && vm.pager().result() == null && !vm.runningProperty().get()) {
                vm.load();
            }
        });
        vm.groupProperty().addListener((o, was, now) -> {
            if (active.get() && now != null && (was == null || !was.name().equals(now.name()))) {
                vm.load();
            }
        });
        if (active.get()) {
            vm.load();
        }
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static TextField field(String id, String prompt, double width, javafx.beans.property.StringProperty text,
                                   DataViewModel vm) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.textProperty().bindBidirectional(text);
        field.setOnAction(e -> vm.load());
        return field;
    }
}
