package org.featureworkbench.api.server;

import java.io.IOException;
import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.workspace.Workspace;

/**
 * A second process for {@link GetRecordFromAnotherProcessDatabaseIT}: opens the workspace given as
 * its argument (first, so it owns the database file and serves it to the test's JVM), prints
 * {@code OPEN}, and closes the workspace when its standard input ends.
 */
public final class WorkspaceOwnerChild {
    private WorkspaceOwnerChild() {
    }

    public static void main(String[] args) throws IOException {
        try (FeatureStore store = Workspace.open(Path.of(args[0]))) {
            System.out.println("OPEN");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
        System.out.println("CLOSED");
    }
}
