package org.featureworkbench.ui.ingest;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import org.featureworkbench.core.IngestJobRecord;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.FormLayout;

/**
 * The Jobs page: every ingest job of this window, newest first, with its progress; Cancel for a
 * running one and the summary of a finished one. The shell polls {@link JobsViewModel#refresh()}
 * every second while this page is shown or a job runs.
 */
public final class JobsView extends VBox {
    public JobsView(JobsViewModel vm) {
        setId("jobsPage");
        getStyleClass().add("group-page");
        Label title = new Label("Jobs");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Ingest jobs started in this window — running and finished. They run on when "
                + "the wizard is closed.");
        subtitle.getStyleClass().add("page-subtitle");
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("page-header");

        TableView<JobRow> table = new TableView<>(vm.rows());
        table.setId("jobsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No ingest jobs yet. Use \"Ingest file…\" on a group page, or "
                + "\"New group from file…\"."));
        table.getColumns().add(text("Job", JobRow::id, 185));
        table.getColumns().add(text("Group", JobRow::group, 110));
        table.getColumns().add(text("File", JobRow::file, 120));
        table.getColumns().add(text("State", JobRow::stateText, 85));
        table.getColumns().add(progress());
        table.getColumns().add(text("Rows", JobRow::rows, 70));
        table.getColumns().add(text("Rejected", JobRow::rejected, 70));
        table.getColumns().add(text("Started", JobRow::startedText, 85));
        table.getColumns().add(text("Duration", JobRow::duration, 70));
        // The rows are replaced by each poll: keep the table's selection on the same job.
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                vm.selectedProperty().set(row);
            }
        });
        vm.selectedProperty().addListener((o, a, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label details = new Label();
        details.setId("jobDetails");
        details.setWrapText(true);
        details.textProperty().bind(vm.detailsProperty());
        Button cancel = new Button("Cancel job");
        cancel.setId("cancelJob");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || !vm.selectedProperty().get().running(), vm.selectedProperty()));
        cancel.setOnAction(e -> vm.cancel(vm.selectedProperty().get()));
        Button rejects = new Button("Open rejects file");
        rejects.setId("jobRejects");
        rejects.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.selectedHasRejects(), vm.selectedProperty()));
        rejects.setOnAction(e -> vm.openRejects());
        HBox buttons = new HBox(8, cancel, rejects);
        VBox card = new VBox(10, FormLayout.section("Selected job", null, details), buttons);
        card.getStyleClass().add("card");

        VBox content = new VBox(14, interruptedCard(vm), table, card);
        content.getStyleClass().add("page-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, content);
    }

    /**
     * Ingests whose process ended before they did (this window's or any other process's), each
     * with Resume; hidden while there is none.
     */
    private static VBox interruptedCard(JobsViewModel vm) {
        VBox list = new VBox(8);
        Runnable rebuild = () -> {
            list.getChildren().clear();
            for (IngestJobRecord r : vm.interrupted()) {
                Label text = new Label(JobsViewModel.describeInterrupted(r));
                text.setWrapText(true);
                // Wraps inside the HBox only when it may shrink below its one-line width and grow in height.
                text.setMinWidth(0);
                text.setMinHeight(Region.USE_PREF_SIZE);
                text.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(text, Priority.ALWAYS);
                Button resume = new Button("Resume");
                resume.getStyleClass().add("accent");
                resume.setId("resume-" + r.id());
                resume.setMinWidth(Region.USE_PREF_SIZE);
                resume.setOnAction(e -> vm.resume(r));
                HBox line = new HBox(12, text, resume);
                line.setAlignment(Pos.CENTER_LEFT);
                list.getChildren().add(line);
            }
        };
        vm.interrupted().addListener((ListChangeListener<IngestJobRecord>) c -> rebuild.run());
        rebuild.run();
        Label title = new Label("Interrupted ingests");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Their process ended before they finished (closed, killed or crashed). Both stores "
                + "are consistent, but the file is only partly stored.");
        hint.setWrapText(true);
        hint.getStyleClass().add("page-subtitle");
        VBox card = new VBox(8, title, hint, list);
        card.setId("interruptedIngests");
        card.getStyleClass().addAll("card", "warning-card");
        card.visibleProperty().bind(Bindings.isNotEmpty(vm.interrupted()));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private static TableColumn<JobRow, String> text(String title, java.util.function.Function<JobRow, String> value,
                                                    double width) {
        TableColumn<JobRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<JobRow, Double> progress() {
        TableColumn<JobRow, Double> c = new TableColumn<>("Progress");
        c.setPrefWidth(100);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().fraction()));
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.setProgress(value == null ? 0 : value);
                setGraphic(empty ? null : bar);
            }
        });
        return c;
    }
}
