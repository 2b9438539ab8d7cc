package org.featureworkbench.writepath;

import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.workspace.Workspace;

/**
 * Child JVM of {@link ServingProcessKilledIT}: opens the workspace first, so its process serves
 * the database to later openers (AUTO_SERVER), creates the customers group, prints READY and
 * waits to be killed.
 */
public final class ServingChild {
    private ServingChild() {
    }

    public static void main(String[] args) throws Exception {
        FeatureStore store = Workspace.open(Path.of(args[0]));
        store.createFeatureGroup(WritePathGroups.customers());
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
