package org.featureworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.featureworkbench.core.FeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database file a {@code kill -9} left damaged in a way H2 cannot even close
 * (src/test/resources/h2-close-fails). H2 kept the file locked inside the JVM after its failed
 * close, so every later open in that process waited two minutes and failed with "did not become
 * available" (issue 12, {@code KillAtRandomPointsIT} seed 30982807783036, round 5). Now the same
 * process opens it again at once, and the check reports the damage each time.
 */
class FailedCloseTest {
    @TempDir
    Path workspace;

    @Test
    void aDatabaseH2CannotCloseOpensAgainInTheSameProcessAndChecksDamaged() throws IOException {
        Files.createDirectories(workspace.resolve("online"));
        try (InputStream db = getClass().getResourceAsStream("/h2-close-fails/workbench.mv.db")) {
            Files.copy(db, workspace.resolve("online").resolve("workbench.mv.db"));
        }
        for (int i = 0; i < 3; i++) {
            boolean damaged = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (FeatureStore store = Workspace.open(workspace)) {
                    return store.health().check().damaged();
                }
            }, "open number " + (i + 1));
            assertTrue(damaged, "the check of open number " + (i + 1) + " reports the damage");
        }
    }
}
