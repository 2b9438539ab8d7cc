package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.featureworkbench.model.FeatureType;

/**
 * One writer thread of a {@link ParquetBulkAppend}: it copies the rows of the blocks the reading
 * thread hands over (serialised there, {@link RowBytes}) into one {@link HourBuffer} per event-time
 * hour, so reading and buffering run on different cores. When the buffers exceed the memory budget,
 * it writes the largest hours to (unpublished, not yet synced) files until half the budget is free;
 * later rows of those hours start a new buffer. {@link #finishAll} writes every remaining hour, in
 * parallel ({@link ParallelFileWork}). Thread-safe hand-off; the buffers are touched only by this thread.
 */
final class BulkWriterThread {
    /**
     * Buffered bytes of one hour at which its file is written (later rows of the hour start
     * another), or half the thread's budget when that is less: the encoder joins an hour into one
     * array, so an hour must stay well within the heap.
     */
    static final long MAX_HOUR_BYTES = 64L << 20;
    /** Rows handed over at a time. */
    static final int BLOCK_ROWS = 4096;

    /**
     * Rows for this thread, serialised by the reading thread ({@link RowBytes}), or a command when
     * {@code command} is set. Row blocks are recycled ({@link #emptyBlock}), so their arrays are
     * allocated a few times per append, not a few hundred.
     */
    static final class Block {
        final RowBytes rows;
        final int[] ends;
        final long[] eventMs;
        int size;
        final CompletableFuture<List<HourFileWriter.Finished>> command;

        private Block(RowBytes rows, CompletableFuture<List<HourFileWriter.Finished>> command) {
            this.rows = rows;
            this.ends = rows == null ? null : new int[BLOCK_ROWS];
            this.eventMs = rows == null ? null : new long[BLOCK_ROWS];
            this.command = command;
        }

        static Block command(CompletableFuture<List<HourFileWriter.Finished>> command) {
            return new Block(null, command);
        }

        /** Serialises a row into the block; true when the block is then full. */
        boolean add(Object[] values, long eventTimeMs) {
            rows.append(values);
            ends[size] = rows.length();
            eventMs[size] = eventTimeMs;
            return ++size == BLOCK_ROWS;
        }
    }

    private final HourFileWriter files;
    private final String[] names;
    private final FeatureType[] types;
    private final long budgetBytes;
    private final long maxHourBytes;
    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(4);
    /** Row blocks this thread has emptied, for the reading thread to fill again. */
    private final BlockingQueue<Block> emptied = new ArrayBlockingQueue<>(8);
    private final Map<Long, HourBuffer> buffers = new HashMap<>();
    /**
     * A direct-mapped cache in front of {@link #buffers}, slot = hour mod its size: a month of
     * hours never collides, and a row's lookup boxes no Long (a million per {@code bench ingest}).
     */
    private final long[] cachedHours = new long[1024];
    private final HourBuffer[] cachedBuffers = new HourBuffer[1024];
    private final SlabSegments slabs = new SlabSegments();
    private final List<HourFileWriter.Finished> finished = new ArrayList<>();
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean aborted;
    private long bufferedBytes;

    BulkWriterThread(String name, HourFileWriter files, OfflineSchema schema, long budgetBytes) {
        this.files = files;
        this.names = schema.featureNames();
        this.types = schema.featureTypes();
        this.budgetBytes = budgetBytes;
        this.maxHourBytes = Math.min(MAX_HOUR_BYTES, budgetBytes / 2);
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A block to fill with rows: an emptied one when there is one. Called by the reading thread. */
    Block emptyBlock() {
        Block block = emptied.poll();
        return block != null ? block : new Block(new RowBytes(names, types, BLOCK_ROWS * 128), null);
    }

    /** Hands a block over, waiting while the thread is 4 blocks behind; fails if the thread failed. */
    void submit(Block block) throws IOException {
        try {
            while (!queue.offer(block, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while handing rows to the offline writer", e);
        }
        rethrowFailure();
    }

    /** Writes every buffered hour and returns all files written since the last call (unpublished, not yet synced). */
    List<HourFileWriter.Finished> finishAll() throws IOException {
        CompletableFuture<List<HourFileWriter.Finished>> done = new CompletableFuture<>();
        submit(Block.command(done));
        try {
            // Polls: a thread that failed (or was aborted) before taking the command never completes it.
            while (true) {
                try {
                    return done.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    rethrowFailure();
                    if (!thread.isAlive()) {
                        throw new IOException("the offline writer thread stopped");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while finishing offline files", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /**
     * Stops the thread without writing anything more and deletes every unpublished file it made;
     * waits for it (it stops after the block in hand, milliseconds, or a spill in progress). Idempotent.
     */
    void abort() {
        aborted = true;
        queue.clear();
        queue.offer(Block.command(new CompletableFuture<>()));
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (!aborted) {
                Block block = queue.take();
                if (aborted) {
                    break;
                }
                if (block.command != null) {
                    try {
                        block.command.complete(writeAll());
                    } catch (IOException | RuntimeException e) {
                        block.command.completeExceptionally(e);
                        throw e;
                    }
                } else {
                    add(block);
                    block.rows.clear();
                    block.size = 0;
                    emptied.offer(block); // dropped when 8 are waiting already
                }
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            buffers.clear();
            Arrays.fill(cachedBuffers, null);
            deleteFinished();
        }
    }

    private void add(Block block) throws IOException {
        byte[] bytes = block.rows.array();
        int start = 0;
        for (int i = 0; i < block.size; i++) {
            int end = block.ends[i];
            long hour = Math.floorDiv(block.eventMs[i], 3_600_000L);
            int slot = (int) (hour & (cachedHours.length - 1));
            HourBuffer buffer = cachedHours[slot] == hour ? cachedBuffers[slot] : null;
            if (buffer == null) {
                buffer = buffers.get(hour);
                if (buffer == null) {
                    buffer = new HourBuffer(types, slabs);
                    buffers.put(hour, buffer);
                    bufferedBytes += buffer.heapBytes();
                }
                cachedHours[slot] = hour;
                cachedBuffers[slot] = buffer;
            }
            long before = buffer.heapBytes();
            buffer.add(bytes, start, end - start, block.eventMs[i]);
            start = end;
            bufferedBytes += buffer.heapBytes() - before;
            if (buffer.heapBytes() > maxHourBytes) {
                // One hour's file is written at this size (the encoder joins the hour into one array).
                remove(hour);
                bufferedBytes -= buffer.heapBytes();
                finished.addAll(write(List.of(Map.entry(hour, buffer))));
            }
        }
        if (bufferedBytes > budgetBytes) {
            spill();
        }
    }

    private void remove(long hour) {
        buffers.remove(hour);
        int slot = (int) (hour & (cachedHours.length - 1));
        if (cachedHours[slot] == hour) {
            cachedBuffers[slot] = null;
        }
    }

    /** Writes the largest hours to files until the buffers hold at most half the budget. */
    private void spill() throws IOException {
        List<Map.Entry<Long, HourBuffer>> bySize = new ArrayList<>(buffers.entrySet());
        bySize.sort(Comparator.comparingLong((Map.Entry<Long, HourBuffer> e) -> e.getValue().heapBytes()).reversed());
        List<Map.Entry<Long, HourBuffer>> chosen = new ArrayList<>();
        for (Map.Entry<Long, HourBuffer> e : bySize) {
            if (bufferedBytes <= budgetBytes / 2) {
                break;
            }
            chosen.add(e);
            bufferedBytes -= e.getValue().heapBytes();
            remove(e.getKey());
        }
        finished.addAll(write(chosen));
    }

    private List<HourFileWriter.Finished> writeAll() throws IOException {
        List<Map.Entry<Long, HourBuffer>> all = new ArrayList<>(buffers.entrySet());
        buffers.clear();
        Arrays.fill(cachedBuffers, null);
        bufferedBytes = 0;
        finished.addAll(write(all));
        slabs.clear();
        List<HourFileWriter.Finished> out = new ArrayList<>(finished);
        finished.clear();
        return out;
    }

    /** Writes hours in parallel (the pool is shared with the syncs and renames of the publish). */
    private List<HourFileWriter.Finished> write(List<Map.Entry<Long, HourBuffer>> hours) throws IOException {
        List<Callable<HourFileWriter.Finished>> tasks = new ArrayList<>(hours.size());
        for (Map.Entry<Long, HourBuffer> e : hours) {
            tasks.add(() -> files.write(e.getKey(), e.getValue()));
        }
        try {
            return ParallelFileWork.runAll(tasks, f -> deleteQuietly(f.temporary()));
        } finally {
            // After every task ended (runAll waits for all): the segments go back for the next rows.
            hours.forEach(e -> e.getValue().release());
        }
    }

    private void deleteFinished() {
        finished.forEach(f -> deleteQuietly(f.temporary()));
        finished.clear();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Hidden and unpublished; the next start's recovery deletes it.
        }
    }

    private void rethrowFailure() throws IOException {
        if (failure != null) {
            throw failure(failure);
        }
    }

    private static IOException failure(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }
}
