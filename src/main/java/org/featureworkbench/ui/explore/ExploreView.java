package org.featureworkbench.ui.explore;

import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.query.QueryTemplates;
import org.featureworkbench.query.RelationInfo;
import org.featureworkbench.ui.FormLayout;

/**
 * The Explore page (DESIGN §4): the SQL editor with the tables beside it, the commands (Run,
 * Cancel, templates, history, Export…), then the result as a paged table or a chart.
 * Ctrl+Enter anywhere on the page runs the statement.
 */
public final class ExploreView extends VBox {
    private final ExploreViewModel vm;
    private final SqlEditor editor;

    public ExploreView(ExploreViewModel vm) {
        this.vm = vm;
        setId("explorePage");
        getStyleClass().addAll("group-page", "explore-page");
        editor = new SqlEditor(vm.sqlProperty(), vm::relations);

        Label title = new Label("Explore");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("DuckDB SQL over the offline store: each group is a view with every version "
                + "(customers) and one with the state of every record now (customers_latest). "
                + "Order event times with event_instant(event_time).");
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);
        subtitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("page-header");

        SplitPane top = new SplitPane(editor, tables());
        top.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(top.getItems().get(1), false);
        VBox editorBox = new VBox(6, commands(), top);
        VBox.setVgrow(top, Priority.ALWAYS);
        SplitPane split = new SplitPane(editorBox, results());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.38);
        split.getStyleClass().add("explore-split");
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox content = new VBox(split);
        content.getStyleClass().add("page-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, content);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.run();
                e.consume();
            }
        });
    }

    private HBox commands() {
        Button run = new Button("▶ Run");
        run.setId("runQuery");
        run.getStyleClass().add("accent");
        run.setTooltip(new Tooltip("Run the statement (Ctrl+Enter)"));
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelQuery");
        cancel.setTooltip(new Tooltip("Stop the running query or export"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());

        ComboBox<String> group = new ComboBox<>(vm.groups());
        group.setId("templateGroup");
        group.setPromptText("Group");
        group.setPrefWidth(150);
        vm.groups().addListener((ListChangeListener<String>) c -> {
            if (group.getValue() == null || !vm.groups().contains(group.getValue())) {
                group.setValue(vm.groups().isEmpty() ? null : vm.groups().get(0));
            }
        });
        MenuButton templates = new MenuButton("Insert template");
        templates.setId("templateMenu");
        templates.setTooltip(new Tooltip("Put a ready query over the chosen group in the editor"));
        for (QueryTemplates.Template t : QueryTemplates.Template.values()) {
            MenuItem item = new MenuItem(t.label());
            item.setId("template-" + t.name());
            item.setOnAction(e -> vm.insertTemplate(group.getValue(), t));
            templates.getItems().add(item);
        }
        templates.disableProperty().bind(group.valueProperty().isNull());

        MenuButton history = new MenuButton("History");
        history.setId("historyMenu");
        history.setTooltip(new Tooltip("Queries you ran before (kept in the workspace)"));
        history.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.history()));
        vm.history().addListener((ListChangeListener<String>) c -> {
            history.getItems().clear();
            for (String entry : vm.history().subList(0, Math.min(30, vm.history().size()))) {
                MenuItem item = new MenuItem(oneLine(entry));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> vm.useHistory(entry));
                history.getItems().add(item);
            }
        });

        Button export = new Button("Export…");
        export.setId("exportResult");
        export.setTooltip(new Tooltip("Save the whole result as CSV or Parquet"));
        export.setOnAction(e -> vm.export());
        export.disableProperty().bind(vm.runningProperty().or(vm.pager().rowCountProperty().isEqualTo(0)));
        Label keys = new Label("Ctrl+Enter runs · Ctrl+Space completes names");
        keys.getStyleClass().add("hint");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, run, cancel, new Separator(Orientation.VERTICAL), group, templates, history,
                new Separator(Orientation.VERTICAL), keys, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        // Commands keep their whole label; only the hint gives way on a narrow window.
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n instanceof javafx.scene.control.Control c && n != keys) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        keys.setMinWidth(0);
        return bar;
    }

    /** The views users can query, with their columns; a double click puts the name in the editor. */
    private TreeView<String> tables() {
        TreeItem<String> root = new TreeItem<>("Tables");
        TreeView<String> tree = new TreeView<>(root);
        tree.setId("tablesTree");
        tree.setShowRoot(false);
        tree.setMinWidth(160);
        tree.getStyleClass().add("tables-tree");
        vm.relations().addListener((ListChangeListener<RelationInfo>) c -> {
            root.getChildren().clear();
            for (RelationInfo r : vm.relations()) {
                TreeItem<String> relation = new TreeItem<>(r.name());
                r.columns().forEach(col -> relation.getChildren().add(new TreeItem<>(col)));
                root.getChildren().add(relation);
            }
        });
        tree.setOnMouseClicked(e -> {
            TreeItem<String> item = tree.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && item != null) {
                editor.insertAtCaret(SqlCompletion.quote(item.getValue()));
            }
        });
        return tree;
    }

    private VBox results() {
        Label status = new Label();
        status.setId("queryStatus");
        status.getStyleClass().add("query-status");
        status.textProperty().bind(vm.statusProperty());
        Label notice = FormLayout.messageLabel("queryNotice", "notice");
        notice.textProperty().bind(vm.noticeProperty());
        Label error = FormLayout.messageLabel("queryError", "banner-error");
        error.textProperty().bind(vm.errorProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        // A wrapped label in a VBox keeps one line unless its minimum height follows its text.
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ResultTable table = new ResultTable(vm.pager(), "result", "Run a query to see its result here.");
        Tab tableTab = new Tab("Table", table);
        tableTab.setId("resultTableTab");
        Tab chartTab = new Tab("Chart", new ChartView(vm.chart()));
        chartTab.setId("resultChartTab");
        TabPane tabs = new TabPane(tableTab, chartTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("result-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox box = new VBox(6, status, error, notice, tabs);
        box.getStyleClass().add("explore-results");
        return box;
    }

    private static String oneLine(String sql) {
        String flat = sql.lines().map(String::strip).filter(l -> !l.startsWith("--"))
                .reduce((a, b) -> a + " " + b).orElse(sql.strip());
        return flat.length() > 90 ? flat.substring(0, 89) + "…" : flat;
    }

    /** Puts the keyboard focus in the editor. */
    public void focusEditor() {
        editor.area().requestFocus();
    }
}
