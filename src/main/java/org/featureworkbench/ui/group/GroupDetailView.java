package org.featureworkbench.ui.group;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.create.AddFeaturesDialog;
import org.featureworkbench.ui.data.DataView;
import org.featureworkbench.ui.data.DataViewModel;
import org.featureworkbench.ui.records.RecordsView;
import org.featureworkbench.ui.stats.StatisticsView;

/**
 * The page of one feature group: a header with its name, description and commands, and the
 * tabs (Overview, Records; Statistics and Ingest come with later issues).
 */
public final class GroupDetailView extends VBox {

    /**
     * @param data       the Data tab's view model (the group's rows from the offline store)
     * @param ingestFile opens the ingest wizard for the shown group ("Ingest file…", Ctrl+I)
     */
    public GroupDetailView(GroupDetailViewModel vm, DataViewModel data, Runnable ingestFile) {
        getStyleClass().add("group-page");
        setId("groupPage");
        Tab overview = new Tab("Overview", overview(vm));
        overview.setClosable(false);
        Tab records = new Tab("Records");
        records.setId("recordsTab");
        records.setClosable(false);
        // Built when first opened (no hidden nodes before); counts poll only while the tab is what the user sees.
        records.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && records.getContent() == null) {
                records.setContent(new RecordsView(vm.records(), records.selectedProperty().and(visibleProperty())));
            }
        });
        Tab dataTab = new Tab("Data");
        dataTab.setId("dataTab");
        dataTab.setClosable(false);
        dataTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && dataTab.getContent() == null) {
                dataTab.setContent(new DataView(data, dataTab.selectedProperty().and(visibleProperty())));
            }
        });
        Tab statistics = new Tab("Statistics");
        statistics.setId("statisticsTab");
        statistics.setClosable(false);
        statistics.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && statistics.getContent() == null) {
                statistics.setContent(new StatisticsView(vm.statistics()));
                vm.statistics().activate();
            }
        });
        TabPane tabs = new TabPane(overview, records, dataTab, statistics);
        tabs.getStyleClass().add("page-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header(vm, ingestFile), tabs);
    }

    private HBox header(GroupDetailViewModel vm, Runnable ingestFile) {
        Label name = new Label();
        name.setId("groupTitle");
        name.getStyleClass().add("page-title");
        Label description = new Label();
        description.getStyleClass().add("page-subtitle");
        description.setWrapText(true);
        vm.groupProperty().addListener((obs, old, g) -> {
            name.setText(g == null ? "" : g.name());
            description.setText(g == null ? "" : g.definition().description().isEmpty()
                    ? "No description" : g.definition().description());
        });
        VBox titles = new VBox(2, name, description);
        HBox.setHgrow(titles, Priority.ALWAYS);

        Button ingest = new Button("Ingest file…");
        ingest.setId("ingestFile");
        ingest.getStyleClass().add("accent");
        ingest.setTooltip(new Tooltip("Load a CSV, Parquet or JSON Lines file into this group (Ctrl+I)"));
        ingest.setOnAction(e -> ingestFile.run());
        Button add = new Button("Add features…");
        add.setId("addFeatures");
        add.setTooltip(new Tooltip("Add new features to this group"));
        add.setOnAction(e -> new AddFeaturesDialog(vm.newAddFeaturesViewModel(), getScene().getWindow()).showAndWait());
        Button export = new Button("Export JSON…");
        export.setId("exportJson");
        export.setTooltip(new Tooltip("Save this group's definition as a CreateFeatureGroup JSON file"));
        export.setOnAction(e -> vm.exportJson());
        Button delete = new Button("Delete…");
        delete.setId("deleteGroup");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> vm.delete());
        // On a narrow window the commands keep their labels; the title and description give way.
        for (Button b : new Button[] {ingest, add, export, delete}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        titles.setMinWidth(0);
        HBox header = new HBox(8, titles, ingest, add, export, delete);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("page-header");
        return header;
    }

    private static ScrollPane overview(GroupDetailViewModel vm) {
        GridPane summary = new GridPane();
        summary.setId("summary");
        summary.getStyleClass().add("summary-grid");
        ColumnConstraints label = new ColumnConstraints(120);
        ColumnConstraints value = new ColumnConstraints(160, 260, Double.MAX_VALUE);
        value.setHgrow(Priority.ALWAYS);
        summary.getColumnConstraints().addAll(label, value, new ColumnConstraints(120), value);
        vm.summaryProperty().addListener((obs, old, items) -> renderSummary(summary, items));

        Label notice = FormLayout.messageLabel("groupNotice", "notice");
        notice.textProperty().bind(vm.noticeProperty());
        VBox summaryCard = card(FormLayout.section("Summary", null, summary));
        VBox featuresCard = card(FormLayout.section("Features",
                "Select a feature to edit its description and parameters below.", new FeatureTable(vm)));
        MetadataCard metadata = new MetadataCard(vm.metadata());
        TagsCard tags = new TagsCard(vm);
        HBox.setHgrow(metadata, Priority.ALWAYS);
        HBox.setHgrow(tags, Priority.ALWAYS);
        metadata.setPrefWidth(420);
        tags.setPrefWidth(360);
        HBox lower = new HBox(16, metadata, tags);
        VBox content = new VBox(16, notice, summaryCard, featuresCard, lower);
        content.getStyleClass().add("page-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        return scroll;
    }

    private static void renderSummary(GridPane grid, List<SummaryItem> items) {
        grid.getChildren().clear();
        for (int i = 0; i < items.size(); i++) {
            Label key = new Label(items.get(i).label());
            key.getStyleClass().add("summary-label");
            Label value = new Label(items.get(i).value());
            value.getStyleClass().add("summary-value");
            value.setId("summary-" + items.get(i).label().toLowerCase().replace(' ', '-'));
            boolean last = i == items.size() - 1;
            if (last && i % 2 == 0) {
                // The last fact (the long ARN) gets the whole row instead of being cut off.
                grid.add(key, 0, i / 2);
                grid.add(value, 1, i / 2, 3, 1);
            } else {
                int column = (i % 2) * 2;
                grid.add(key, column, i / 2);
                grid.add(value, column + 1, i / 2);
            }
        }
    }

    private static VBox card(javafx.scene.Node content) {
        VBox card = new VBox(content);
        card.getStyleClass().add("card");
        return card;
    }
}
