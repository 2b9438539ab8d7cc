package org.featureworkbench.ui.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.ui.WorkbenchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not part of the test run (the name does not end in Test): the Connect page's screenshot of the
 * README, on the sample data with the server running and a few requests served. Run with
 * {@code mvn -o test -Dtest=ConnectScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false -Dfwb.screenshots=assets/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectScreenshotTour {
    Path workspace = Path.of(System.getProperty("java.io.tmpdir"), "feature-workbench-connect-demo");
    WorkbenchFixture app;

    @Start
    void start(Stage stage) throws Exception {
        if (Files.exists(workspace)) {
            try (var paths = Files.walk(workspace)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        app = WorkbenchFixture.show(workspace, stage, store -> { });
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.setY(0);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        java.awt.image.BufferedImage[] image = new java.awt.image.BufferedImage[1];
        javafx.scene.Scene scene = robot.listWindows().get(0).getScene();
        robot.interact(() -> image[0] = javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        Path out = Path.of(System.getProperty("fwb.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        javax.imageio.ImageIO.write(image[0], "png", out.resolve(name).toFile());
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        app.settle();
        robot.interact(() -> app.vm.loadSampleData());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("OK").match(javafx.scene.Node::isVisible)
                .tryQuery().isPresent());
        robot.interact(() -> robot.lookup("OK").match(javafx.scene.Node::isVisible).queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.store.listFeatureGroups(GroupListQuery.ALL).size() == 3
                && app.store.ingest().jobs().stream().noneMatch(j -> j.state().name().equals("RUNNING")));
        app.store.records().flush(null);
        robot.interact(() -> robot.lookup("#connectEntry").queryButton().fire());
        // A free port in the screenshot would change with every run; 8787 is what users see.
        String port = System.getProperty("fwb.connectPort", "8787");
        robot.interact(() -> robot.lookup("#apiPort").queryAs(TextField.class).setText(port));
        robot.interact(() -> robot.lookup("#startApi").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#apiState").queryAs(Label.class).getText()
                .startsWith("Running at"));
        String address = app.store.api().running().orElseThrow().endpoint().toString();
        // A client reading records while the picture is taken, so the traffic line shows a rate.
        var http = java.net.http.HttpClient.newHttpClient();
        var reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread client = new Thread(() -> {
            for (int i = 1; reading.get(); i++) {
                try {
                    http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(address
                            + "/FeatureGroup/customers?RecordIdentifierValueAsString=C" + String.format("%04d", i % 300)))
                            .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                    Thread.sleep(40);
                } catch (Exception e) {
                    return;
                }
            }
        });
        client.start();
        try {
            // The record id of the snippets comes from the query engine, which opens in the background.
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.vm.connect().boto3Property().get()
                    .contains("\"record-id\""));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#apiStatus").queryAs(Label.class)
                    .getText().contains(" 0.0/s"));
            app.settle();
            // A group created the way AWS's notebooks do, with settings only the cloud uses: the page names them.
            String create = "{\"FeatureGroupName\": \"clicks\", \"RecordIdentifierFeatureName\": \"user_id\","
                    + " \"EventTimeFeatureName\": \"event_time\", \"FeatureDefinitions\": [{\"FeatureName\": \"user_id\","
                    + " \"FeatureType\": \"String\"}, {\"FeatureName\": \"event_time\", \"FeatureType\": \"String\"}],"
                    + " \"OnlineStoreConfig\": {\"EnableOnlineStore\": true}, \"OfflineStoreConfig\": {\"S3StorageConfig\":"
                    + " {\"S3Uri\": \"s3://my-bucket/fs\"}}, \"RoleArn\": \"arn:aws:iam::123456789012:role/fs\"}";
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(address + "/"))
                    .header("X-Amz-Target", "SageMaker.CreateFeatureGroup")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(create)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#apiNotices").query().isVisible());
            shoot(robot, "connect.png");
        } finally {
            reading.set(false);
            client.join();
        }
    }
}
