package org.featureworkbench.ui.ingest;

import java.util.EnumMap;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.featureworkbench.ui.Styles;

/**
 * The ingest wizard's window: the steps across the top, the current step's page, and Back /
 * Next / Close. It is not modal, and closing it never stops a running ingest. While the ingest
 * runs, the window polls its progress four times a second.
 */
public final class IngestWizardWindow extends Stage {
    private static final Duration POLL = Duration.millis(250);

    private final Map<WizardStep, Node> pages = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, Label> crumbs = new EnumMap<>(WizardStep.class);
    private final ScrollPane body = new ScrollPane();
    private final Label hint = new Label();
    private final Timeline polling;

    public IngestWizardWindow(IngestWizardViewModel vm, Window owner) {
        initOwner(owner);
        setTitle(vm.title());
        boolean newGroup = vm.target() == null;
        pages.put(WizardStep.FILE, new FileStepView(vm.source()));
        pages.put(WizardStep.PREVIEW, new PreviewStepView(vm.source()));
        pages.put(WizardStep.MAPPING, newGroup ? new DefinitionStepView(vm.definition()) : new MappingStepView(vm.mapping()));
        pages.put(WizardStep.STORES, new TargetsStepView(vm.targets(), newGroup));
        pages.put(WizardStep.RUN, new RunStepView(vm.run()));
        pages.put(WizardStep.SUMMARY, new SummaryStepView(vm.run()));

        Label title = new Label(vm.title());
        title.getStyleClass().add("page-title");
        HBox steps = new HBox(6);
        steps.setAlignment(Pos.CENTER_LEFT);
        for (WizardStep s : WizardStep.values()) {
            Label crumb = new Label(s.title());
            crumb.getStyleClass().add("wizard-step");
            crumbs.put(s, crumb);
            steps.getChildren().add(crumb);
        }
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox top = new VBox(8, title, steps, hint);
        top.getStyleClass().add("wizard-header");

        body.setFitToWidth(true);
        body.getStyleClass().add("page-scroll");

        BorderPane root = new BorderPane(body, top, null, buttons(vm), null);
        root.getStyleClass().add("ingest-wizard");
        root.setId("ingestWizard");
        Scene scene = new Scene(root, 860, 680);
        Styles.apply(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), this::close);
        setScene(scene);

        polling = new Timeline(new KeyFrame(POLL, e -> vm.run().poll()));
        polling.setCycleCount(Timeline.INDEFINITE);
        vm.stepProperty().addListener((o, a, now) -> show(now));
        show(vm.stepProperty().get());
        // Closing the window stops the polling only; the job runs on (and is listed on the Jobs page).
        setOnHidden(e -> polling.stop());
    }

    private HBox buttons(IngestWizardViewModel vm) {
        Button back = new Button("Back");
        back.setId("wizardBack");
        back.disableProperty().bind(vm.canBackProperty().not());
        back.setOnAction(e -> vm.back());
        Button next = new Button();
        next.setId("wizardNext");
        next.getStyleClass().add("accent");
        next.setDefaultButton(true);
        next.textProperty().bind(vm.nextLabelProperty());
        next.disableProperty().bind(vm.canNextProperty().not());
        next.setOnAction(e -> vm.next());
        Button close = new Button("Close");
        close.setId("wizardClose");
        close.setOnAction(e -> close());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, close, spacer, back, next);
        bar.getStyleClass().add("wizard-buttons");
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private void show(WizardStep step) {
        VBox content = new VBox(pages.get(step));
        content.getStyleClass().add("page-content");
        body.setContent(content);
        hint.setText(step.hint());
        crumbs.forEach((s, crumb) -> {
            crumb.getStyleClass().removeAll("current", "done");
            if (s == step) {
                crumb.getStyleClass().add("current");
            } else if (s.ordinal() < step.ordinal()) {
                crumb.getStyleClass().add("done");
            }
        });
        if (step == WizardStep.RUN) {
            polling.play();
        } else {
            polling.stop();
        }
    }
}
