package org.featureworkbench.ui.records;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.featureworkbench.ui.FormLayout;

/**
 * The Records tab: live counts on top, then the lookup (left) beside the put form (right).
 * While {@code active} (the tab is selected and the page shown) the counts refresh every few
 * seconds; the refresh itself runs through the view model's executor, off the FX thread.
 */
public final class RecordsView extends VBox {
    private static final Duration POLL = Duration.seconds(3);

    private final Timeline polling;
    // Held here: a binding only its listener refers to can be garbage-collected and stop firing.
    private final ObservableBooleanValue active;

    public RecordsView(RecordsViewModel vm, ObservableBooleanValue active) {
        setId("recordsPage");
        this.active = active;
        Label notice = FormLayout.messageLabel("recordsNotice", "notice");
        notice.textProperty().bind(vm.noticeProperty());
        Label offlineOnly = FormLayout.messageLabel("noOnlineStore", "hint");
        offlineOnly.textProperty().bind(javafx.beans.binding.Bindings.when(vm.putForm().onlineAvailableProperty())
                .then("").otherwise("This group has no online store, so records cannot be looked up here; "
                        + "what you put goes to the offline store only."));

        LookupCard lookup = new LookupCard(vm, () -> new DeleteRecordDialog(vm.newDeleteViewModel(),
                getScene().getWindow()).showAndWait());
        PutRecordCard put = new PutRecordCard(vm.putForm());
        HBox.setHgrow(lookup, Priority.ALWAYS);
        lookup.setPrefWidth(620);
        put.setPrefWidth(360);
        put.setMinWidth(380);
        put.setMaxWidth(420);
        HBox columns = new HBox(16, lookup, put);

        VBox content = new VBox(14, new CountsStrip(vm.counts()), notice, offlineOnly, columns);
        content.getStyleClass().add("page-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        polling = new Timeline(new KeyFrame(POLL, e -> poll(vm)));
        polling.setCycleCount(Timeline.INDEFINITE);
        active.addListener((obs, was, now) -> setPolling(vm, now));
        setPolling(vm, active.get());
    }

    private void poll(RecordsViewModel vm) {
        // A view whose window closed (or that was taken out of its scene) stops instead of polling on.
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            polling.stop();
            return;
        }
        vm.counts().refresh();
    }

    private void setPolling(RecordsViewModel vm, boolean on) {
        if (on) {
            vm.counts().refresh();
            polling.play();
        } else {
            polling.stop();
        }
    }
}
