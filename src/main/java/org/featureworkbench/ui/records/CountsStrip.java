package org.featureworkbench.ui.records;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The live counts as small tiles, with "Flush now" and "Compact…" at the end. The tiles wrap to a
 * second line when the window is too narrow for them, so no number or label is ever cut.
 */
final class CountsStrip extends HBox {
    private final FlowPane tiles = new FlowPane(8, 8);

    CountsStrip(RecordCountsViewModel vm) {
        this(vm.tilesProperty(), vm::flushNow, vm::compact);
    }

    CountsStrip(ObservableValue<List<CountTile>> items, Runnable flushNow, Runnable compactNow) {
        super(12);
        setId("countsStrip");
        getStyleClass().add("counts-strip");
        setAlignment(Pos.CENTER_LEFT);
        tiles.setId("countTiles");
        tiles.setAlignment(Pos.CENTER_LEFT);
        // Wrap at the width the strip gives the tiles (not the FlowPane's own default of 400 px).
        tiles.prefWrapLengthProperty().bind(widthProperty().subtract(200));
        HBox.setHgrow(tiles, Priority.ALWAYS);
        tiles.setMinWidth(0);
        items.addListener((obs, old, now) -> render(now));
        render(items.getValue());
        Button flush = new Button("Flush now");
        flush.setId("flushNow");
        flush.setTooltip(new Tooltip("Write the rows waiting for the offline store to Parquet now"));
        flush.setOnAction(e -> flushNow.run());
        Button compact = new Button("Compact…");
        compact.setId("compact");
        compact.setTooltip(new Tooltip("Merge each hour partition's Parquet files into one"));
        compact.setOnAction(e -> compactNow.run());
        VBox buttons = new VBox(6, flush, compact);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        flush.setMinWidth(Region.USE_PREF_SIZE);
        compact.setMinWidth(Region.USE_PREF_SIZE);
        flush.setMaxWidth(Double.MAX_VALUE);
        compact.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(tiles, buttons);
    }

    private void render(List<CountTile> items) {
        CountTiles.render(tiles, items, "count-");
    }
}
