package org.featureworkbench.ui.records;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/** Draws {@link CountTile}s as big-number tiles (the Records counts strip, the ingest summary). */
public final class CountTiles {
    private CountTiles() {
    }

    /**
     * Replaces the children of {@code tiles} with one tile per item.
     *
     * @param idPrefix prefix of each value label's id, followed by the label in kebab case (for tests)
     */
    public static void render(Pane tiles, List<CountTile> items, String idPrefix) {
        tiles.getChildren().clear();
        for (CountTile t : items) {
            Label value = new Label(t.value());
            value.getStyleClass().add("count-value");
            value.setId(idPrefix + t.label().toLowerCase(Locale.ROOT).replace(' ', '-'));
            Label label = new Label(t.label());
            label.getStyleClass().add("count-label");
            VBox tile = new VBox(2, value, label);
            tile.getStyleClass().add("count-tile");
            Tooltip.install(tile, new Tooltip(t.tooltip()));
            tiles.getChildren().add(tile);
        }
    }
}
