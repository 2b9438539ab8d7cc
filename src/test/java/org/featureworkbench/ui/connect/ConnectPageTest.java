package org.featureworkbench.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Connect page in the real window, headless: start on a free port, see the address, copy, stop; a taken port. */
@ExtendWith(ApplicationExtension.class)
class ConnectPageTest {
    @TempDir
    Path workspace;
    WorkbenchFixture app;

    @Start
    void start(Stage stage) {
        app = WorkbenchFixture.show(workspace, stage, store -> store.createFeatureGroup(Definitions.customers("customers")));
        // The headless screen is 1280×800: the whole window must be on it for clicks to land.
        stage.setHeight(800);
        stage.setY(0);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void open(FxRobot robot) throws Exception {
        app.settle();
        robot.clickOn("#connectEntry");
        app.settle();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void startShowsTheAddressTheTrafficAndFilledSnippetsThenStops(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> robot.lookup("#apiPort").queryAs(TextField.class).setText("0"));
        robot.clickOn("#startApi");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#apiState").startsWith("Running at http://"));
        String address = text(robot, "#apiState").substring("Running at ".length());
        assertTrue(address.matches("http://127\\.0\\.0\\.1:\\d+"), address);
        TextArea boto3 = robot.lookup("#boto3SnippetCode").queryAs(TextArea.class);
        assertTrue(boto3.getText().contains("endpoint_url=\"" + address + "\""), boto3.getText());
        assertTrue(boto3.getText().contains("FeatureGroupName=\"customers\""), boto3.getText());
        assertFalse(robot.lookup("#apiPort").queryAs(TextField.class).isEditable(), "the settings are fixed while the server runs");

        robot.clickOn("#boto3SnippetCopy");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(boto3.getText(), clip[0]);
        assertEquals("Copied to the clipboard.", text(robot, "#boto3SnippetCopied"));

        // A request reaches the status bar within the next polls.
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address
                + "/FeatureGroup/customers?RecordIdentifierValueAsString=nobody")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() < 500, answer.body());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#apiStatus").contains("1 request"));
        assertTrue(text(robot, "#apiStatus").startsWith("API " + address + " · 1 request · "), text(robot, "#apiStatus"));

        // A cloud-only setting the server ignored is said on the page, as serve says it on its console.
        assertFalse(robot.lookup("#apiNotices").query().isVisible());
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address + "/"))
                .header("X-Amz-Target", "SageMaker.CreateFeatureGroup").header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"FeatureGroupName\": \"orders\", \"RecordIdentifierFeatureName\":"
                        + " \"id\", \"EventTimeFeatureName\": \"t\", \"FeatureDefinitions\": [{\"FeatureName\": \"id\","
                        + " \"FeatureType\": \"String\"}, {\"FeatureName\": \"t\", \"FeatureType\": \"String\"}],"
                        + " \"OfflineStoreConfig\": {\"TableFormat\": \"Iceberg\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#apiNotices").query().isVisible());
        assertTrue(text(robot, "#apiNotices").endsWith("CreateFeatureGroup 'orders': OfflineStoreConfig.TableFormat:"
                + " cloud-only, ignored by the local store"), text(robot, "#apiNotices"));

        robot.clickOn("#stopApi");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Stopped".equals(text(robot, "#apiState")));
        assertEquals("API stopped", text(robot, "#apiStatus"));
        assertTrue(app.store.api().running().isEmpty());
        assertTrue(robot.lookup("#apiPort").queryAs(TextField.class).isEditable());
    }

    @Test
    void aTakenPortIsExplainedOnTheConnectPage(FxRobot robot) throws Exception {
        open(robot);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            robot.clickOn("#apiPort").eraseText(4).write(Integer.toString(taken.getLocalPort()));
            // Started from the status bar while another page shows: the failure brings the Connect page back.
            robot.clickOn("#jobsEntry");
            assertFalse(robot.lookup("#connectPage").query().isVisible());
            robot.clickOn("#apiToggle");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#apiStartError").query().isVisible());
            assertTrue(robot.lookup("#connectPage").query().isVisible());
            String error = text(robot, "#apiStartError");
            assertTrue(error.contains(Integer.toString(taken.getLocalPort())), error);
            assertFalse(error.contains("Exception") || error.contains("java."), error);
            assertEquals("Stopped", text(robot, "#apiState"));
        }
    }

    @Test
    void thePortIsCheckedAsItIsTypedAndTheStatusBarToggleStartsAndStops(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#apiPort").eraseText(4).write("80a");
        assertTrue(robot.lookup("#apiPortError").query().isVisible());
        assertTrue(robot.lookup("#startApi").query().isDisabled());
        assertTrue(robot.lookup("#apiToggle").query().isDisabled(), "nothing to start with a bad port");
        robot.eraseText(1).write("0");
        assertFalse(robot.lookup("#apiPortError").query().isVisible());

        robot.clickOn("#apiToggle");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#apiStatus").startsWith("API http://"));
        assertTrue(app.store.api().running().isPresent());
        robot.clickOn("#apiToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "API stopped".equals(text(robot, "#apiStatus")));
    }
}
