package org.featureworkbench.ui.connect;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** One snippet: a line saying what it needs, the read-only code, and a Copy button that says when it copied. */
final class SnippetPane extends VBox {
    private final TextArea code = new TextArea();

    SnippetPane(String id, String needs, ObservableStringValue text) {
        super(8);
        setId(id);
        Label what = new Label(needs);
        what.getStyleClass().add("hint");
        ConnectView.wrap(what);
        Label copied = new Label("");
        copied.setId(id + "Copied");
        copied.getStyleClass().add("muted");
        Button copy = new Button("Copy");
        copy.setId(id + "Copy");
        copy.getStyleClass().add("accent");
        copy.setMinWidth(Button.USE_PREF_SIZE);
        PauseTransition fade = new PauseTransition(Duration.seconds(3));
        fade.setOnFinished(e -> copied.setText(""));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(code.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText("Copied to the clipboard.");
            fade.playFromStart();
        });
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(what, Priority.SOMETIMES);
        HBox top = new HBox(10, what, spacer, copied, copy);
        top.setAlignment(Pos.CENTER_LEFT);

        code.setId(id + "Code");
        code.setEditable(false);
        code.getStyleClass().add("snippet-code");
        code.textProperty().bind(text);
        code.setPrefRowCount(18);
        VBox.setVgrow(code, Priority.ALWAYS);
        getChildren().addAll(top, code);
    }
}
