package org.featureworkbench.ingest;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@link SourceReader} on a thread of its own, a block of rows ahead of the caller, so
 * that decoding and splitting the file (for a CSV, about half of the reading thread's work) runs
 * on another core than mapping and storing the rows. The rows come out in file order, exactly as
 * the wrapped reader returns them; a file-level error is thrown by {@link #next} at the position
 * where the wrapped reader threw it.
 *
 * <p>Only for sources whose header and notes are final once opened (CSV): they are copied at the
 * start. Memory: at most {@value #QUEUE_BLOCKS} + 2 blocks of {@value #BLOCK_ROWS} rows. Not
 * thread-safe, like any reader: one thread calls {@link #next}; {@link #close} stops the read-ahead
 * thread (within about {@value #POLL_MS} ms, or the rest of the row it is reading) before closing
 * the wrapped reader.
 */
final class PrefetchingSourceReader implements SourceReader {
    static final int BLOCK_ROWS = 512;
    static final int QUEUE_BLOCKS = 8;
    private static final long POLL_MS = 100;

    /** Rows read ahead, the bytes consumed after the last of them, and whether the source ends (or failed) after them. */
    private record Block(SourceRow[] rows, int size, long bytesRead, boolean last, Throwable failure) {
    }

    private final SourceReader source;
    private final SourceFormat format;
    private final Columns header;
    private final long totalBytes;
    private final List<String> notes;
    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(QUEUE_BLOCKS);
    private final Thread thread;
    private volatile boolean stopped;
    private Block current;
    private int position;
    private long bytesRead;
    private boolean closed;

    PrefetchingSourceReader(SourceReader source, String threadName) {
        this.source = source;
        this.format = source.format();
        this.header = source.header();
        this.totalBytes = source.totalBytes();
        this.notes = List.copyOf(source.notes());
        this.bytesRead = source.bytesRead();
        this.thread = new Thread(this::readAhead, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether read-ahead can pay: it needs a second core. */
    static boolean worthIt() {
        return Runtime.getRuntime().availableProcessors() > 1;
    }

    private void readAhead() {
        while (!stopped) {
            SourceRow[] rows = new SourceRow[BLOCK_ROWS];
            int n = 0;
            boolean last = false;
            Throwable failure = null;
            try {
                while (n < BLOCK_ROWS) {
                    SourceRow row = source.next();
                    if (row == null) {
                        last = true;
                        break;
                    }
                    rows[n++] = row;
                }
            } catch (Throwable t) {
                // Thrown to the caller by next() once it has had the rows read before it.
                failure = t;
                last = true;
            }
            hand(new Block(rows, n, failure == null ? source.bytesRead() : -1, last, failure));
            if (last) {
                return;
            }
        }
    }

    private void hand(Block block) {
        try {
            while (!stopped) {
                if (queue.offer(block, POLL_MS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public SourceRow next() {
        while (current == null || position == current.size) {
            if (current != null && current.last) {
                if (current.failure != null) {
                    throw rethrow(current.failure);
                }
                return null;
            }
            current = take();
            position = 0;
            bytesRead = Math.max(bytesRead, current.bytesRead);
        }
        SourceRow row = current.rows[position];
        current.rows[position++] = null; // let the row go when the caller does
        return row;
    }

    private Block take() {
        try {
            for (;;) {
                Block block = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (block != null) {
                    return block;
                }
                if (!thread.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("the read-ahead thread of a " + format.cliName()
                            + " source stopped without a result");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestCancelledException("reading interrupted");
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    @Override
    public SourceFormat format() {
        return format;
    }

    @Override
    public Columns header() {
        return header;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    /** Stops the read-ahead thread, waits for it, then closes the wrapped reader. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopped = true;
        queue.clear(); // a thread waiting to hand a block over sees the stop within POLL_MS
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
