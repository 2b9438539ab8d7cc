package org.featureworkbench.ui.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.featureworkbench.core.RecordStats;
import org.featureworkbench.model.OfflineStoreStats;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.Styles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The counts strip of a group with a million offline rows, at the default 1280×800 window. */
@ExtendWith(ApplicationExtension.class)
class CountsStripTest {
    static final RecordStats BIG = new RecordStats(1_000_000, new OfflineStoreStats(12_345, 2_160, 1_000_000,
            987_654_321, Optional.of(Instant.parse("2026-11-20T10:00:00Z"))), 10_000, Optional.empty());
    CountsStrip strip;

    @Start
    void start(Stage stage) {
        strip = new CountsStrip(new SimpleObjectProperty<>(RecordCountsViewModel.tilesOf(
                Definitions.customers("customers"), BIG)), () -> { }, () -> { });
        // The Records tab's padding and the sidebar take about 300 px of the 1280 px window.
        BorderPane root = new BorderPane(strip);
        root.setStyle("-fx-padding: 0 24 0 300;");
        Scene scene = new Scene(root, 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void largeCountsHaveThousandsSeparatorsAndNoTextIsCut(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1,000,000", robot.lookup("#count-offline-rows").queryLabeled().getText());
        assertEquals("1,000,000", robot.lookup("#count-online-records").queryLabeled().getText());
        assertEquals("12,345", robot.lookup("#count-offline-files").queryLabeled().getText());
        assertEquals("10,000", robot.lookup("#count-waiting-for-offline").queryLabeled().getText());
        List<Labeled> labels = new ArrayList<>();
        collect(strip, labels);
        assertTrue(labels.size() >= 14, "6 tiles × 2 labels + 2 buttons: " + labels.size());
        for (Labeled l : labels) {
            Text shown = (Text) l.lookup(".text");
            assertEquals(l.getText(), shown.getText(), "cut to an ellipsis: " + l.getText());
            assertFalse(shown.getText().endsWith("…") && !l.getText().endsWith("…"));
        }
        assertTrue(strip.getBoundsInParent().getMaxX() <= 1280 - 24 + 0.5, "the strip fits the window");
    }

    @Test
    void plainWordsAndSmallNumbersStayAsTheyAre() {
        assertEquals("999", new CountTile("x", "999", "").value());
        assertEquals("none yet", new CountTile("x", "none yet", "").value());
        assertEquals("-1,234", new CountTile("x", "-1234", "").value());
        assertEquals("12:00:00 UTC", new CountTile("x", "12:00:00 UTC", "").value());
    }

    private static void collect(Node node, List<Labeled> into) {
        if (node instanceof Labeled l) {
            into.add(l);
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, into));
        }
    }
}
