package org.featureworkbench.ui.connect;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.featureworkbench.ui.InlineValidation;

/**
 * The "Connect" page: the local API server's settings, Start and Stop, its state and address,
 * and snippets for boto3, the AWS CLI and the AWS SDK for Java that talk to it. Only binds to its
 * view model.
 */
public final class ConnectView extends ScrollPane {

    public ConnectView(ConnectViewModel vm) {
        setId("connectPage");
        setFitToWidth(true);
        setFitToHeight(true);
        getStyleClass().add("page-scroll");
        Label title = new Label("Connect");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Serve this workspace as a local SageMaker Feature Store endpoint: boto3, the AWS CLI "
                + "and the AWS SDKs work against it unchanged once their endpoint URL points at the address below.");
        subtitle.getStyleClass().add("page-subtitle");
        wrap(subtitle);
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("page-header");

        VBox content = new VBox(14, serverCard(vm), snippetsCard(vm));
        content.getStyleClass().add("page-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        // The header outside the padded content, as on every other page: titles line up.
        setContent(new VBox(header, content));
    }

    private static VBox serverCard(ConnectViewModel vm) {
        Label heading = new Label("Local API server");
        heading.getStyleClass().add("section-title");

        TextField host = field("apiHost", vm.hostProperty(), "127.0.0.1");
        TextField port = field("apiPort", vm.portProperty(), "8787");
        port.setPrefColumnCount(6);
        TextField key = field("apiAccessKey", vm.accessKeyProperty(), "optional");
        PasswordField secret = new PasswordField();
        secret.setId("apiSecretKey");
        secret.setPromptText("optional");
        secret.textProperty().bindBidirectional(vm.secretKeyProperty());
        // The settings apply at start: while a server runs they show what it runs with.
        var locked = vm.stateProperty().isNotEqualTo(ServerState.STOPPED);
        // Not editable rather than disabled: the values stay readable.
        for (TextField f : new TextField[] {host, port, key, secret}) {
            f.editableProperty().bind(locked.not());
        }

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, labels, fields);
        grid.addRow(0, label("Host"), host, label("Port"), port);
        grid.add(InlineValidation.attach(host, vm.hostErrorProperty(), "apiHostError"), 1, 1);
        grid.add(InlineValidation.attach(port, vm.portErrorProperty(), "apiPortError"), 3, 1);
        grid.addRow(2, label("Access key"), key, label("Secret"), secret);
        grid.add(InlineValidation.attach(key, vm.credentialsErrorProperty(), "apiCredentialsError"), 1, 3, 3, 1);
        Label access = new Label("Leave the access key empty to accept any signature (fine on 127.0.0.1, this computer "
                + "only). With a key, every request must be signed with it (SigV4) — needed for any other host.");
        access.getStyleClass().add("hint");
        wrap(access);

        Button start = new Button("Start server");
        start.setId("startApi");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop server");
        stop.setId("stopApi");
        stop.disableProperty().bind(vm.canStopProperty().not());
        stop.setOnAction(e -> vm.stop());
        Label state = new Label();
        state.setId("apiState");
        state.getStyleClass().add("api-state");
        state.textProperty().bind(vm.statusTextProperty());
        vm.stateProperty().addListener((o, was, now) -> {
            state.getStyleClass().remove("running");
            if (now == ServerState.RUNNING) {
                state.getStyleClass().add("running");
            }
        });
        Label traffic = new Label();
        traffic.setId("apiTraffic");
        traffic.getStyleClass().add("muted");
        traffic.textProperty().bind(vm.trafficProperty());
        Button copyAddress = new Button("Copy address");
        copyAddress.setId("copyApiAddress");
        copyAddress.getStyleClass().add("flat");
        copyAddress.visibleProperty().bind(vm.addressProperty().isNotEmpty());
        copyAddress.managedProperty().bind(copyAddress.visibleProperty());
        copyAddress.setOnAction(e -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(vm.addressProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        for (Button b : new Button[] {start, stop, copyAddress}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        state.setMinWidth(Region.USE_PREF_SIZE);
        // The traffic under the state, so a narrow window cuts neither the buttons nor the address.
        HBox trafficLine = new HBox(10, traffic, copyAddress);
        trafficLine.setAlignment(Pos.CENTER_LEFT);
        trafficLine.visibleProperty().bind(vm.addressProperty().isNotEmpty());
        trafficLine.managedProperty().bind(trafficLine.visibleProperty());
        VBox status = new VBox(0, state, trafficLine);
        status.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(10, start, stop, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label error = InlineValidation.errorLabel("apiStartError");
        error.textProperty().bind(vm.errorProperty());

        Label warning = new Label();
        warning.setId("apiWarning");
        warning.getStyleClass().add("notice-warning");
        wrap(warning);
        warning.textProperty().bind(vm.warningProperty());
        warning.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        Label notices = new Label();
        notices.setId("apiNotices");
        notices.getStyleClass().add("notice-warning");
        wrap(notices);
        notices.textProperty().bind(Bindings.concat("Ignored by the local store in requests it answered (the client"
                + " was not told):\n", vm.noticesProperty()));
        notices.visibleProperty().bind(vm.noticesProperty().isNotEmpty());
        notices.managedProperty().bind(notices.visibleProperty());
        VBox card = new VBox(10, heading, grid, access, actions, error, warning, notices);
        card.getStyleClass().add("card");
        card.setId("apiServerCard");
        return card;
    }

    private static VBox snippetsCard(ConnectViewModel vm) {
        Label heading = new Label("Use it from your code");
        heading.getStyleClass().add("section-title");
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        wrap(hint);
        hint.textProperty().bind(Bindings.when(vm.addressProperty().isEmpty())
                .then("Filled with the address above and this workspace's groups. Start the server, then copy one.")
                .otherwise(Bindings.concat("Filled with the running server's address, ", vm.addressProperty(),
                        ", and this workspace's groups: copy one and run it.")));
        TabPane tabs = new TabPane(
                tab("Python (boto3)", new SnippetPane("boto3Snippet",
                        "Needs boto3 (pip install boto3). Reads one record, then lists the feature groups.",
                        vm.boto3Property())),
                tab("AWS CLI", new SnippetPane("cliSnippet",
                        "Needs the AWS CLI. Run in a shell: reads one record, then lists the feature groups.",
                        vm.awsCliProperty())),
                tab("Java (AWS SDK v2)", new SnippetPane("javaSnippet",
                        "Needs software.amazon.awssdk:sagemakerfeaturestoreruntime. Reads one record.",
                        vm.javaSdkProperty())));
        tabs.setId("snippetTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("snippet-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // In a short window the page scrolls rather than squeezing the code away.
        tabs.setMinHeight(280);
        VBox card = new VBox(8, heading, hint, tabs);
        card.getStyleClass().add("card");
        VBox.setVgrow(card, Priority.ALWAYS);
        return card;
    }

    private static Tab tab(String title, SnippetPane pane) {
        Tab tab = new Tab(title, pane);
        pane.setStyle("-fx-padding: 10 0 0 0;");
        return tab;
    }

    /** Wraps a long line inside the scroll pane instead of cutting it with an ellipsis. */
    static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
