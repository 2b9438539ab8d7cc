package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * One writer thread of a {@link ParquetBulkAppend}: it owns the open {@link HourFile}s of the hours
 * routed to it and encodes the blocks of rows the reading thread hands over, so parsing and Parquet
 * encoding run on different cores. When its open files buffer more than its memory budget, it
 * finishes the largest (they stay unpublished) until half the budget is free. Thread-safe hand-off;
 * the files themselves are touched only by this thread.
 */
final class BulkWriterThread {
    /** Rows handed over at a time. */
    static final int BLOCK_ROWS = 4096;
    /** Rows between two measurements of the open files' buffers. */
    private static final int MEASURE_EVERY_ROWS = 16_384;

    /** Rows for this thread (filled by the reading thread), or a command when {@code command} is set. */
    static final class Block {
        final Object[][] rows = new Object[BLOCK_ROWS][];
        final long[] eventMs = new long[BLOCK_ROWS];
        int size;
        final CompletableFuture<List<HourFile.Finished>> command;

        Block(CompletableFuture<List<HourFile.Finished>> command) {
            this.command = command;
        }
    }

    private final Path dataDirectory;
    private final OfflineSchema schema;
    private final MessageType parquetSchema;
    private final CompressionCodecName codec;
    private final RowArrayWriteSupport.Stamps stamps;
    private final long budgetBytes;
    private final double heapPerBufferedByte;
    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(4);
    private final Map<Long, HourFile> open = new HashMap<>();
    private final List<HourFile.Finished> finished = new ArrayList<>();
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean aborted;
    private long rowsSinceMeasure;

    BulkWriterThread(String name, Path dataDirectory, OfflineSchema schema, MessageType parquetSchema,
                     CompressionCodecName codec, long apiInvocationMicros, long budgetBytes, double heapPerBufferedByte) {
        this.dataDirectory = dataDirectory;
        this.schema = schema;
        this.parquetSchema = parquetSchema;
        this.codec = codec;
        this.stamps = new RowArrayWriteSupport.Stamps(apiInvocationMicros, 0);
        this.budgetBytes = budgetBytes;
        this.heapPerBufferedByte = heapPerBufferedByte;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The latest write time stamped (epoch microseconds), 0 before the first block. */
    long lastWriteMicros() {
        return stamps.writeMicros;
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

    /** Finishes every open file and returns all files finished since the last call (unsynced, unpublished). */
    List<HourFile.Finished> finishAll() throws IOException {
        CompletableFuture<List<HourFile.Finished>> done = new CompletableFuture<>();
        submit(new Block(done));
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while finishing offline files", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /**
     * Stops the thread without finishing anything and deletes every unpublished file it made;
     * waits for it (it stops after the block in hand, milliseconds). Idempotent.
     */
    void abort() {
        aborted = true;
        queue.clear();
        queue.offer(new Block(new CompletableFuture<>()));
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
                        block.command.complete(finishOpen());
                    } catch (IOException | RuntimeException e) {
                        block.command.completeExceptionally(e);
                        throw e;
                    }
                } else {
                    write(block);
                }
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            discardEverything();
        }
    }

    private void write(Block block) throws IOException {
        // One stamp per block: "when the row reached the offline store", to the millisecond.
        stamps.writeMicros = System.currentTimeMillis() * 1000L;
        for (int i = 0; i < block.size; i++) {
            long hour = Math.floorDiv(block.eventMs[i], 3_600_000L);
            HourFile file = open.get(hour);
            if (file == null) {
                file = HourFile.open(dataDirectory, hour, schema, parquetSchema, stamps, codec);
                open.put(hour, file);
            }
            file.write(block.rows[i], block.eventMs[i]);
        }
        rowsSinceMeasure += block.size;
        if (rowsSinceMeasure >= MEASURE_EVERY_ROWS) {
            rowsSinceMeasure = 0;
            keepWithinBudget();
        }
    }

    /** Finishes the largest open files while the open ones are estimated to use more than the budget. */
    private void keepWithinBudget() throws IOException {
        long buffered = 0;
        for (HourFile f : open.values()) {
            buffered += f.bufferedBytes();
        }
        if (buffered * heapPerBufferedByte <= budgetBytes) {
            return;
        }
        List<Map.Entry<Long, HourFile>> bySize = new ArrayList<>(open.entrySet());
        bySize.sort(Comparator.comparingLong((Map.Entry<Long, HourFile> e) -> e.getValue().bufferedBytes()).reversed());
        for (Map.Entry<Long, HourFile> e : bySize) {
            if (buffered * heapPerBufferedByte <= budgetBytes / 2) {
                break;
            }
            buffered -= e.getValue().bufferedBytes();
            open.remove(e.getKey());
            finished.add(e.getValue().finish());
        }
    }

    private List<HourFile.Finished> finishOpen() throws IOException {
        for (HourFile f : new ArrayList<>(open.values())) {
            finished.add(f.finish());
            open.values().remove(f);
        }
        List<HourFile.Finished> out = new ArrayList<>(finished);
        finished.clear();
        return out;
    }

    private void discardEverything() {
        open.values().forEach(HourFile::discard);
        open.clear();
        for (HourFile.Finished f : finished) {
            try {
                Files.deleteIfExists(f.temporary());
            } catch (IOException e) {
                // Hidden and unpublished; the next start's recovery deletes it.
            }
        }
        finished.clear();
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
