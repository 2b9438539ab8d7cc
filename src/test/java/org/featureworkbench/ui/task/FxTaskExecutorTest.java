package org.featureworkbench.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lanes of the app's executor, on real threads (the JavaFX toolkit is up for the deliveries). */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        // only the toolkit is needed
    }

    @AfterEach
    void close() {
        release.countDown();
        executor.close();
    }

    @Test
    void writesThatWaitLeaveTheShortTasksTheirThreadsAndAreCountedAsBusy() throws Exception {
        // More waiting writes than the short tasks have threads.
        for (int i = 0; i < 3; i++) {
            executor.executeMayWait(() -> release.await(30, TimeUnit.SECONDS), r -> { }, e -> { });
        }
        AtomicReference<String> lookup = new AtomicReference<>();
        executor.execute(() -> "looked up", lookup::set, e -> lookup.set(e.toString()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup.get() != null);
        assertEquals("looked up", lookup.get(), "a short task runs while three writes wait");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, executor.runningTasksProperty().get(), "the waiting writes keep the busy indicator on");

        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> executor.runningTasksProperty().get() == 0);
        assertTrue(executor.runningTasksProperty().get() == 0);
    }
}
