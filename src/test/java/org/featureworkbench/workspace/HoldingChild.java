package org.featureworkbench.workspace;

import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;

/** Child JVM of {@link ServerSocketOnLoopbackIT}: opens {@code DIR}, prints READY, keeps it open until stdin closes. */
public final class HoldingChild {
    private HoldingChild() {
    }

    public static void main(String[] args) throws Exception {
        try (FeatureStore store = Workspace.open(Path.of(args[0]))) {
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the workspace until the parent closes our stdin
            }
        }
    }
}
