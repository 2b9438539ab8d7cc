package org.featureworkbench.core;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An ingest held half-way, for tests outside this package that need one running: started on a
 * thread of its own, it stops after its offline files are published, before it writes online,
 * until {@link #close()}. Meanwhile {@code jobs} lists it as running in this process.
 */
public final class HeldIngest implements AutoCloseable {
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final CompletableFuture<IngestSummary> run;

    private HeldIngest(FeatureStore store, String group, Path file) {
        IngestOperations ops = store.ingest().withMilestoneHook(m -> {
            if (m == IngestJobTracker.Milestone.FILES_PUBLISHED && reached.getCount() > 0) {
                reached.countDown();
                try {
                    released.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        run = CompletableFuture.supplyAsync(() -> ops.ingest(IngestRequest.of(group, file), IngestListener.NONE));
    }

    /** Starts the ingest of {@code file} into {@code group} and returns once it is held. */
    public static HeldIngest start(FeatureStore store, String group, Path file) throws Exception {
        HeldIngest held = new HeldIngest(store, group, file);
        if (!held.reached.await(60, TimeUnit.SECONDS)) {
            held.run.getNow(null); // a failed ingest throws here with its reason
            throw new IllegalStateException("the ingest never reached its online writes");
        }
        return held;
    }

    /** Lets the ingest finish and returns its summary. */
    public IngestSummary finish() throws Exception {
        released.countDown();
        return run.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        released.countDown();
    }
}
