package org.featureworkbench.ui.explore;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.featureworkbench.query.RelationInfo;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The SQL editor: RichTextFX's {@link CodeArea} with line numbers, SQL colouring and a completion
 * popup of group, view and feature names (Ctrl+Space). Its text follows {@code sql} both ways.
 */
final class SqlEditor extends StackPane {
    private static final int MAX_PROPOSALS = 14;

    private final CodeArea area = new CodeArea();
    private final ContextMenu popup = new ContextMenu();
    private final Supplier<List<RelationInfo>> relations;

    SqlEditor(StringProperty sql, Supplier<List<RelationInfo>> relations) {
        this.relations = relations;
        area.setId("sqlEditor");
        area.getStyleClass().add("sql-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.setWrapText(false);
        area.replaceText(sql.get());
        area.textProperty().addListener((o, was, now) -> {
            if (!now.equals(sql.get())) {
                sql.set(now);
            }
        });
        sql.addListener((o, was, now) -> {
            if (!area.getText().equals(now)) {
                area.replaceText(now == null ? "" : now);
                area.moveTo(0);
                area.requestFollowCaret();
            }
        });
        highlight();
        area.multiPlainChanges().successionEnds(Duration.ofMillis(60)).subscribe(ignore -> highlight());
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && e.isShortcutDown()) {
                complete();
                e.consume();
            }
        });
        popup.getStyleClass().add("completion-popup");
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    private void highlight() {
        area.setStyleSpans(0, SqlHighlighter.spans(area.getText()));
    }

    /** Shows the names that complete the word at the caret; a single match is inserted at once. */
    void complete() {
        int caret = area.getCaretPosition();
        SqlCompletion.Proposals proposals = SqlCompletion.at(area.getText(), caret, relations.get());
        List<SqlCompletion.Proposal> items = proposals.items();
        if (items.isEmpty()) {
            return;
        }
        if (items.size() == 1) {
            insert(proposals.start(), caret, items.get(0));
            return;
        }
        popup.getItems().clear();
        for (SqlCompletion.Proposal p : items.subList(0, Math.min(MAX_PROPOSALS, items.size()))) {
            Label name = new Label(p.label());
            name.getStyleClass().add("completion-name");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            gap.setMinWidth(16);
            Label kind = new Label(p.kind());
            kind.getStyleClass().add("hint");
            HBox row = new HBox(name, gap, kind);
            row.setPrefWidth(320);
            CustomMenuItem item = new CustomMenuItem(row, true);
            item.setOnAction(e -> insert(proposals.start(), caret, p));
            popup.getItems().add(item);
        }
        Bounds at = area.getCaretBounds().orElse(null);
        if (at != null) {
            popup.show(area, at.getMinX(), at.getMaxY());
        } else {
            Bounds screen = area.localToScreen(area.getBoundsInLocal());
            popup.show(area, screen.getMinX() + 40, screen.getMinY() + 20);
        }
    }

    private void insert(int start, int caret, SqlCompletion.Proposal p) {
        area.replaceText(start, caret, p.insert());
        area.requestFocus();
    }

    CodeArea area() {
        return area;
    }

    /** Inserts text at the caret (a name double-clicked in the table list). */
    void insertAtCaret(String text) {
        area.insertText(area.getCaretPosition(), text);
        area.requestFocus();
    }
}
