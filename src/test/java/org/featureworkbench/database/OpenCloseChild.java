package org.featureworkbench.database;

import java.nio.file.Files;
import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.workspace.Workspace;

/**
 * Child JVM of {@link ManyProcessesOneWorkspaceIT}: {@code DIR STOPFILE} opens the workspace,
 * lists its groups and closes it again, over and over until STOPFILE exists — so the database
 * changes hands while the other processes write. Prints how many rounds it made.
 */
public final class OpenCloseChild {
    private OpenCloseChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        int rounds = 0;
        while (!Files.exists(stop)) {
            try (FeatureStore store = Workspace.open(dir)) {
                store.listFeatureGroups(GroupListQuery.ALL);
            }
            rounds++;
        }
        System.out.println("ROUNDS " + rounds);
        System.exit(0);
    }
}
