package org.featureworkbench.writepath;

import java.nio.file.Path;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;

/**
 * Child JVM of {@link EndedProcessSettledBeforeServingIT}: {@code DIR N} puts versions 1…N of
 * record {@code r} (event time 10:00:00 + i s, age i), prints DONE and waits to be killed — the
 * last puts are then still inside H2's write delay, acknowledged only by the journal.
 */
public final class KilledWriterChild {
    private KilledWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        FeatureStore store = Workspace.open(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        for (int i = 1; i <= n; i++) {
            store.records().putRecord(WritePathGroups.CUSTOMERS, EndedProcessSettledBeforeServingIT.version(i),
                    Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE), null);
        }
        System.out.println("DONE");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
