package org.featureworkbench.ui.ingest;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.featureworkbench.core.IngestSummary;
import org.featureworkbench.ui.FormLayout;
import org.featureworkbench.ui.records.CountTile;
import org.featureworkbench.ui.records.CountTiles;

/** Step 6: read / online / offline / rejected / seconds, notes, and the rejects file; or the failure. */
final class SummaryStepView extends VBox {
    private final HBox tiles = new HBox(8);

    SummaryStepView(IngestRunViewModel vm) {
        super(16);
        setId("summaryStep");
        Label failure = FormLayout.messageLabel("ingestFailure", "banner-error");
        failure.textProperty().bind(vm.failureProperty());
        Label headline = new Label();
        headline.setId("summaryHeadline");
        headline.getStyleClass().add("section-title");
        headline.textProperty().bind(Bindings.createStringBinding(() -> headline(vm.summaryProperty().get()),
                vm.summaryProperty()));
        vm.tilesProperty().addListener((o, a, now) -> render(now));
        Label notes = FormLayout.messageLabel("summaryNotes", "notice");
        notes.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null ? ""
                : String.join("\n", vm.summaryProperty().get().notes()), vm.summaryProperty()));
        Label rejects = FormLayout.messageLabel("summaryRejects", "muted");
        rejects.textProperty().bind(Bindings.createStringBinding(() -> {
            IngestSummary s = vm.summaryProperty().get();
            return s == null || s.rejectsFile() == null ? "" : "Rejected rows are in " + s.rejectsFile();
        }, vm.summaryProperty()));
        Button open = new Button("Open rejects file");
        open.setId("openRejects");
        open.setOnAction(e -> vm.openRejects());
        Button save = new Button("Save rejects as…");
        save.setId("saveRejects");
        save.setOnAction(e -> vm.saveRejectsAs());
        HBox buttons = new HBox(8, open, save);
        buttons.visibleProperty().bind(rejects.textProperty().isNotEmpty());
        buttons.managedProperty().bind(buttons.visibleProperty());
        Label notice = FormLayout.messageLabel("rejectsNotice", "notice");
        notice.textProperty().bind(vm.noticeProperty());
        getChildren().addAll(failure, headline, tiles, notes, rejects, buttons, notice);
    }

    private static String headline(IngestSummary s) {
        if (s == null) {
            return "";
        }
        return (s.cancelled() ? "Cancelled — what was written before stays: " : "Ingested ") + IngestText.count(s.rowsRead())
                + (s.rowsRead() == 1 ? " row" : " rows") + " into " + s.groupName() + ".";
    }

    private void render(List<CountTile> items) {
        CountTiles.render(tiles, items, "summary-");
    }
}
