package org.featureworkbench.ui.stats;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.featureworkbench.ui.task.TaskExecutor;

/** A titled card around one chart, with "Save as PNG…" (the snapshot is taken on the FX thread, written off it). */
final class ChartCard extends VBox {
    private final Label message = new Label();

    ChartCard(String title, String fileName, Node chart, TaskExecutor executor) {
        super(6);
        getStyleClass().addAll("card", "chart-card");
        Label heading = new Label(title);
        heading.getStyleClass().add("chart-title");
        heading.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button save = new Button("Save as PNG…");
        save.getStyleClass().add("small");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setTooltip(new Tooltip("Save this chart as a PNG image"));
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save chart as PNG");
            chooser.setInitialFileName(fileName.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                save(chart, file.toPath(), executor);
            }
        });
        HBox top = new HBox(8, heading, spacer, save);
        top.setAlignment(Pos.CENTER_LEFT);
        message.getStyleClass().add("hint");
        message.setManaged(false);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(top, chart, message);
    }

    /** Snapshots {@code chart} now and writes the PNG in the background; the card says where it went. */
    void save(Node chart, Path target, TaskExecutor executor) {
        WritableImage image = chart.snapshot(null, null);
        executor.execute(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile());
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
            }
        }, saved -> show("Saved " + saved), e -> show("Not saved: " + e.getMessage()));
    }

    private void show(String text) {
        message.setText(text);
        message.setManaged(true);
    }
}
