package org.featureworkbench.database;

import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.workspace.Workspace;

/**
 * Child JVM of {@link ManyProcessesOneWorkspaceIT}: {@code DIR} opens the workspace, lists its
 * groups, holds it a moment and exits. The test starts one after another while others write: a
 * child that opened the database file first serves it to the writers, and its exit hands the
 * database over under them.
 */
public final class OpenCloseChild {
    private OpenCloseChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (FeatureStore store = Workspace.open(Path.of(args[0]))) {
            System.out.println("GROUPS " + store.listFeatureGroups(GroupListQuery.ALL).size());
            Thread.sleep(300);
        }
        System.exit(0);
    }
}
