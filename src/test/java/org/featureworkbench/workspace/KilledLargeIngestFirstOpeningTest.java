package org.featureworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.DamagedTablePages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 4: "the first command after that kill failed; the second worked". On the file
 * a killed 600k-row ingest left (src/test/resources/h2-killed-ingest), the first opening clears
 * ~16,000 stale row locks and compacts the file, and H2 then closed the reopened database at its
 * first write; the opening called the file damaged. The first opening must work.
 */
class KilledLargeIngestFirstOpeningTest {
    @TempDir
    Path temp;

    @Test
    void theFirstOpeningAfterTheKillWorksAndFindsNoDamage() throws Exception {
        Path workspace = temp.resolve("ws");
        DamagedTablePages.copyTree(Path.of(getClass().getResource("/h2-killed-ingest/journal").toURI()),
                workspace.resolve("journal"));
        Files.createDirectories(workspace.resolve("online"));
        try (InputStream gz = new GZIPInputStream(getClass().getResourceAsStream("/h2-killed-ingest/workbench.mv.db.gz"))) {
            Files.copy(gz, workspace.resolve("online").resolve("workbench.mv.db"));
        }

        try (FeatureStore store = Workspace.open(workspace)) {
            assertEquals(1, store.listFeatureGroups(org.featureworkbench.model.GroupListQuery.ALL).size(), "the group the ingest created is there");
            assertFalse(store.health().check().damaged(), store.health().check().findings().toString());
        }
    }
}
