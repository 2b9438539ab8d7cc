package org.featureworkbench.core;

import java.nio.file.Path;
import org.featureworkbench.workspace.Workspace;

/**
 * The child JVM of {@link IngestKilledIT}: ingests a file with small checkpoints and, at the
 * {@code nth} time it reaches {@code milestone}, prints {@code AT <milestone>} and waits there to
 * be SIGKILLed. Arguments: workspace, group, file, milestone, nth.
 */
public final class IngestChild {
    private IngestChild() {
    }

    public static void main(String[] args) throws Exception {
        IngestJobTracker.Milestone stopAt = IngestJobTracker.Milestone.valueOf(args[3]);
        int nth = Integer.parseInt(args[4]);
        int[] seen = {0};
        FeatureStore store = Workspace.open(Path.of(args[0]));
        IngestOperations ops = store.ingest().withLimits(IngestKilledIT.LIMITS).withMilestoneHook(m -> {
            if (m == stopAt && ++seen[0] == nth) {
                System.out.println("AT " + m);
                System.out.flush();
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(3); // never reached when the parent kills in time
            }
        });
        ops.ingest(IngestRequest.of(args[1], Path.of(args[2])), null);
        System.out.println("FINISHED");
        store.close();
    }
}
