package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.featureworkbench.model.FeatureStoreException;
import org.junit.jupiter.api.Test;

/** Read-ahead on another thread: same rows in the same order, errors where they happened, a clean stop. */
class PrefetchingSourceReaderTest {
    private static final Columns HEADER = new Columns(List.of("a"));

    /** Rows 1..n, then a failure when {@code failAfter} rows were given (or the end). */
    private static final class Counting implements SourceReader {
        final int rows;
        final int failAfter;
        final AtomicInteger given = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile Thread readBy;

        Counting(int rows, int failAfter) {
            this.rows = rows;
            this.failAfter = failAfter;
        }

        @Override
        public SourceFormat format() {
            return SourceFormat.CSV;
        }

        @Override
        public Columns header() {
            return HEADER;
        }

        @Override
        public SourceRow next() {
            readBy = Thread.currentThread();
            int i = given.get();
            if (i == failAfter) {
                throw new FeatureStoreException("broken at row " + (i + 1));
            }
            if (i == rows) {
                return null;
            }
            given.incrementAndGet();
            return new SourceRow(i + 1, "v" + i, HEADER, new String[] {"v" + i}, null);
        }

        @Override
        public long bytesRead() {
            return given.get() * 10L;
        }

        @Override
        public long totalBytes() {
            return rows * 10L;
        }

        @Override
        public List<String> notes() {
            return List.of("a note");
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void givesEveryRowInOrderThenNull() {
        Counting source = new Counting(PrefetchingSourceReader.BLOCK_ROWS * 3 + 7, -1);
        try (PrefetchingSourceReader reader = new PrefetchingSourceReader(source, "test-read")) {
            assertEquals(HEADER, reader.header());
            assertEquals(List.of("a note"), reader.notes());
            for (int i = 0; i < source.rows; i++) {
                SourceRow row = reader.next();
                assertEquals(i + 1, row.line());
                assertEquals("v" + i, row.value(0));
            }
            assertNull(reader.next());
            assertNull(reader.next());
            assertEquals(source.totalBytes(), reader.bytesRead());
            assertFalse(source.readBy == Thread.currentThread(), "the source is read on another thread");
        }
        assertTrue(source.closed.get());
    }

    @Test
    void aFileLevelErrorComesAfterTheRowsBeforeIt() {
        Counting source = new Counting(10_000, 1000);
        try (PrefetchingSourceReader reader = new PrefetchingSourceReader(source, "test-read")) {
            for (int i = 0; i < 1000; i++) {
                assertEquals(i + 1, reader.next().line());
            }
            FeatureStoreException e = assertThrows(FeatureStoreException.class, reader::next);
            assertEquals("broken at row 1001", e.getMessage());
            assertSame(e, assertThrows(FeatureStoreException.class, reader::next));
        }
    }

    @Test
    void closeStopsTheReadAheadBeforeClosingTheSource() throws InterruptedException {
        Counting source = new Counting(Integer.MAX_VALUE - 1, -1);
        PrefetchingSourceReader reader = new PrefetchingSourceReader(source, "test-read");
        reader.next();
        Thread.sleep(50); // the queue fills, the thread waits
        long start = System.nanoTime();
        reader.close();
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "stops within a second");
        assertTrue(source.closed.get());
        int given = source.given.get();
        Thread.sleep(50);
        assertEquals(given, source.given.get(), "nothing is read after close");
        assertTrue(given <= PrefetchingSourceReader.BLOCK_ROWS * (PrefetchingSourceReader.QUEUE_BLOCKS + 2));
    }
}
