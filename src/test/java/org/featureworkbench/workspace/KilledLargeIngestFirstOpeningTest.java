package org.featureworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.testing.KilledWorkspaces;
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
        Path workspace = KilledWorkspaces.unpack("h2-killed-ingest", temp.resolve("ws"));

        try (FeatureStore store = Workspace.open(workspace)) {
            assertEquals(1, store.listFeatureGroups(org.featureworkbench.model.GroupListQuery.ALL).size(), "the group the ingest created is there");
            assertFalse(store.health().check().damaged(), store.health().check().findings().toString());
        }
    }
}
