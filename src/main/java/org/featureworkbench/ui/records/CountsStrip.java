package org.featureworkbench.ui.records;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The live counts as a row of small tiles, with "Flush now" and "Compact…" at the end. */
final class CountsStrip extends HBox {
    private final HBox tiles = new HBox(8);

    CountsStrip(RecordCountsViewModel vm) {
        super(12);
        setId("countsStrip");
        getStyleClass().add("counts-strip");
        setAlignment(Pos.CENTER_LEFT);
        vm.tilesProperty().addListener((obs, old, now) -> render(now));
        render(vm.tilesProperty().get());
        Button flush = new Button("Flush now");
        flush.setId("flushNow");
        flush.setTooltip(new Tooltip("Write the rows waiting for the offline store to Parquet now"));
        flush.setOnAction(e -> vm.flushNow());
        Button compact = new Button("Compact…");
        compact.setId("compact");
        compact.setTooltip(new Tooltip("Merge each hour partition's Parquet files into one"));
        compact.setOnAction(e -> vm.compact());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox buttons = new VBox(6, flush, compact);
        flush.setMaxWidth(Double.MAX_VALUE);
        compact.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(tiles, spacer, buttons);
    }

    private void render(List<CountTile> items) {
        CountTiles.render(tiles, items, "count-");
    }
}
