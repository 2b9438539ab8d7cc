package org.featureworkbench.workspace;

import java.nio.file.Path;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.testing.Definitions;

/** Entry point of the child JVM in {@link TwoProcessesOneWorkspaceIT}: {@code DIR create|list NAME}. */
public final class WorkspaceChild {
    private WorkspaceChild() {
    }

    public static void main(String[] args) {
        try (FeatureStore store = Workspace.open(Path.of(args[0]))) {
            if (args[1].equals("create")) {
                store.createFeatureGroup(Definitions.customers(args[2]));
            }
            store.listFeatureGroups(GroupListQuery.ALL).forEach(g -> System.out.println(g.name()));
        }
    }
}
