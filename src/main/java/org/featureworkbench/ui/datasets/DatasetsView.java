package org.featureworkbench.ui.datasets;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.explore.ResultTable;

/**
 * The Datasets page (DESIGN §4, issue 11): the form on the left (base, joined groups, options,
 * output), and on the right the commands with the build's progress, messages, the last build's
 * parts, and tabs for the base rows, the dataset preview, the SQL and the datasets built so far.
 * While a build runs, its progress is polled five times a second.
 */
public final class DatasetsView extends VBox {
    private static final Duration POLL = Duration.millis(200);

    private final DatasetsViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Tab baseTab;
    private final Tab previewTab;
    private final Tab sqlTab;

    public DatasetsView(DatasetsViewModel vm) {
        this.vm = vm;
        setId("datasetsPage");
        getStyleClass().addAll("group-page", "datasets-page");
        Label title = new Label("Datasets");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Point-in-time training sets: every base row gets each joined group's features as "
                + "they were at the row's event time, so nothing leaks from the future. A manifest beside the files "
                + "rebuilds them byte for byte.");
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("page-header");

        VBox form = new VBox(12, new BaseCard(vm.base(), vm::previewBase), new JoinsCard(vm),
                new OptionsCard(vm.options()), new OutputCard(vm.options()));
        form.getStyleClass().add("datasets-form");
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setId("datasetsForm");
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("page-scroll");
        formScroll.setMinWidth(360);

        baseTab = tab("baseRowsTab", "Base rows", new ResultTable(vm.previews().basePager(), "baseRows",
                "Preview the base to see its first rows here."), vm.previews().baseStatusProperty());
        previewTab = tab("datasetPreviewTab", "Dataset preview", new ResultTable(vm.previews().rowsPager(), "datasetRows",
                "Press Preview to see the dataset's first rows here."), vm.previews().rowsStatusProperty());
        sqlTab = new Tab("SQL", new SqlPane(vm.previews()));
        sqlTab.setId("sqlTab");
        Tab builtTab = new Tab("Built datasets", new BuiltDatasetsPane(vm.built(),
                vm.job().runningProperty().or(vm.previews().runningProperty())));
        builtTab.setId("builtTab");
        tabs.getTabs().addAll(previewTab, baseTab, sqlTab, builtTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("result-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        sqlTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                vm.showSql();
            }
        });
        // A fresh preview brings its tab to the front.
        vm.previews().basePager().columns().addListener((ListChangeListener<ResultColumn>) c -> show(baseTab));
        vm.previews().rowsPager().columns().addListener((ListChangeListener<ResultColumn>) c -> show(previewTab));

        Label error = FormLayout.messageLabel("datasetsError", "banner-error");
        error.textProperty().bind(vm.errorProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        // A wrapped label in a VBox keeps one line unless its minimum height follows its text.
        error.setMinHeight(Region.USE_PREF_SIZE);
        Label notice = FormLayout.messageLabel("datasetsNotice", "notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        VBox right = new VBox(8, new BuildBar(vm), error, notice, new BuildResultCard(vm), tabs);
        right.getStyleClass().add("datasets-results");
        right.setMinWidth(360);

        SplitPane split = new SplitPane(formScroll, right);
        split.setDividerPositions(0.37);
        split.getStyleClass().add("explore-split");
        SplitPane.setResizableWithParent(formScroll, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(header, split);

        Timeline polling = new Timeline(new KeyFrame(POLL, e -> vm.job().poll()));
        polling.setCycleCount(Timeline.INDEFINITE);
        vm.job().runningProperty().addListener((o, was, now) -> {
            if (now) {
                polling.play();
            } else {
                polling.stop();
            }
        });
    }

    private void show(Tab tab) {
        tabs.getSelectionModel().select(tab);
    }

    /** A tab with a one-line status above its table. */
    private static Tab tab(String id, String name, ResultTable table, javafx.beans.value.ObservableStringValue status) {
        // A preview holds at most 100 rows, one page: the pager would only repeat the status line, and its
        // buttons do not fit the page's narrow right column. (Found by its style class; if ResultTable
        // changes, the pager simply shows again.)
        table.getChildren().stream().filter(n -> n.getStyleClass().contains("pager-bar")).forEach(bar -> {
            bar.visibleProperty().unbind();
            bar.setVisible(false);
            bar.setManaged(false);
        });
        Label line = new Label();
        line.getStyleClass().add("query-status");
        line.setId(id + "Status");
        line.textProperty().bind(status);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, line, table);
        box.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        Tab tab = new Tab(name, box);
        tab.setId(id);
        return tab;
    }
}
