package org.featureworkbench.core;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.GroupChangingException;

/**
 * Does one write again while features are being added to its group, instead of failing (ADR 0021
 * addendum 8). H2 copies the group's online table to add their columns (~20 s for 300,000
 * records), and every write of the group is refused until the copy is in place, since a write to
 * the table being copied would be lost. For callers that may block a thread: the CLI's put and
 * delete, and the GUI's, which run off the UI thread. The API's request threads do not block; its
 * requests wait without a thread (api.server.GroupChangeWaits). Ingests wait the same way per batch
 * ({@link IngestOnlineWriter}).
 */
final class GroupChangeWait {
    /** How long one write waits, at most; an add-features that failed half-way would make it wait for good. */
    static final Duration LIMIT = Duration.ofMinutes(5);
    static final long FIRST_PAUSE_MS = 10;
    static final long LONGEST_PAUSE_MS = 1000;

    private GroupChangeWait() {
    }

    /**
     * Runs {@code write}, again after pauses (10 ms doubling to 1 s) while it meets features being
     * added to {@code groupName}, for at most {@link #LIMIT}. The first wait is told once, to
     * {@code waiting}.
     *
     * @param what the write in words, e.g. "the put of record 'c1'"; asked only when it waits
     * @throws GroupChangingException the group still lacks the columns after {@link #LIMIT}; its
     *         message says what to run
     * @throws FeatureStoreException  the thread was interrupted (e.g. the process is closing) while
     *         it waited; nothing was written
     */
    static <T> T retrying(Supplier<String> what, String groupName, Supplier<T> write, Consumer<String> waiting) {
        long waitingSince = -1;
        long pauseMs = FIRST_PAUSE_MS;
        String described = null;
        while (true) {
            try {
                return write.get();
            } catch (GroupChangingException changing) {
                long now = System.nanoTime();
                if (waitingSince < 0) {
                    waitingSince = now;
                    described = what.get();
                    String notice = described + " waits: features are being added to feature group '" + groupName
                            + "', and it is done once the online table has them";
                    // Only to the caller, who shows it beside the write (the status bar's notice would outlive the wait).
                    waiting.accept(notice);
                } else if (now - waitingSince >= LIMIT.toNanos()) {
                    throw changing;
                }
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new FeatureStoreException(described + " was stopped while it waited for features being added to"
                            + " feature group '" + groupName + "'; nothing was written", changing);
                }
                pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS);
            }
        }
    }
}
