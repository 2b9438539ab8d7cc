package org.featureworkbench.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs an append's per-partition file work (write + fsync, directory fsync) on a small shared
 * pool. An fsync waits for the disk, not the CPU, and concurrent fsyncs share the file system's
 * journal commits: an append touching 720 hour partitions syncs in a fraction of the time it
 * takes one file after another. Thread-safe; the pool's threads are daemons.
 */
final class ParallelFileWork {
    private static final int THREADS = 8;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "offline-file-" + THREAD_NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private ParallelFileWork() {
    }

    /**
     * Runs every task and waits for all of them, even after one fails (so no file is still being
     * written when the caller cleans up).
     *
     * @param undo receives each successful result when any task failed, to delete what it made
     * @return the results in task order
     * @throws IOException the first failure's, when it was an I/O error
     */
    static <T> List<T> runAll(List<Callable<T>> tasks, Consumer<T> undo) throws IOException {
        if (tasks.size() <= 1) {
            // Not worth a thread hop (the outbox flusher's usual case: one hour).
            List<T> results = new ArrayList<>();
            for (Callable<T> task : tasks) {
                results.add(call(task));
            }
            return results;
        }
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(POOL.submit(task));
        }
        List<T> results = new ArrayList<>(tasks.size());
        Throwable failure = null;
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            results.forEach(undo);
            throw rethrow(failure);
        }
        return results;
    }

    /** Runs {@code action} on every item in parallel and waits; failures are the action's to handle. */
    static <T> void forEach(List<T> items, Consumer<T> action) throws IOException {
        List<Callable<Void>> tasks = new ArrayList<>(items.size());
        for (T item : items) {
            tasks.add(() -> {
                action.accept(item);
                return null;
            });
        }
        runAll(tasks, ignored -> { });
    }

    private static <T> T call(Callable<T> task) throws IOException {
        try {
            return task.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static IOException rethrow(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IOException(failure);
    }
}
