package org.featureworkbench.ui.records;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Draws {@link CountTile}s as big-number tiles (the Records counts strip, the ingest summary). */
public final class CountTiles {
    private CountTiles() {
    }

    /**
     * Replaces the children of {@code tiles} with one tile per item. A tile is never narrower than
     * its text: numbers and labels are never cut to "10000…" (put the tiles in a wrapping pane).
     *
     * @param idPrefix prefix of each value label's id, followed by the label in kebab case (for tests)
     */
    public static void render(Pane tiles, List<CountTile> items, String idPrefix) {
        tiles.getChildren().clear();
        for (CountTile t : items) {
            Label value = new Label(t.value());
            value.getStyleClass().add("count-value");
            value.setId(idPrefix + t.label().toLowerCase(Locale.ROOT).replace(' ', '-'));
            value.setMinWidth(Region.USE_PREF_SIZE);
            Label label = new Label(t.label());
            label.getStyleClass().add("count-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            VBox tile = new VBox(2, value, label);
            tile.getStyleClass().add("count-tile");
            tile.setMinWidth(Region.USE_PREF_SIZE);
            Tooltip.install(tile, new Tooltip(t.tooltip()));
            tiles.getChildren().add(tile);
        }
    }
}
