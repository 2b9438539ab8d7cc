package org.featureworkbench.core;

import java.time.Instant;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.featureworkbench.offline.OfflineRow;

/**
 * The rows of one offline append, held compactly (one value array and one long per row) and
 * shown to {@link org.featureworkbench.offline.OfflineStore#append} as a list of
 * {@link OfflineRow}s built on demand. A materialised {@code OfflineRow} carries a hash map of its
 * values, several times the size of the array; building them on the fly keeps a 200k-row chunk
 * within a 512 MB heap. Not thread-safe.
 */
final class IngestChunk extends AbstractList<OfflineRow> {
    private final String[] names;
    private final Instant invokedAt;
    private Object[][] values;
    private long[] eventMs;
    private int size;

    IngestChunk(String[] featureNames, Instant invokedAt, int capacity) {
        this.names = featureNames;
        this.invokedAt = invokedAt;
        this.values = new Object[capacity][];
        this.eventMs = new long[capacity];
    }

    /** Adds a row: its typed values in feature order (the array is kept, not copied) and its event time. */
    void add(Object[] rowValues, long rowEventMs) {
        if (size == values.length) {
            values = java.util.Arrays.copyOf(values, size * 2);
            eventMs = java.util.Arrays.copyOf(eventMs, size * 2);
        }
        values[size] = rowValues;
        eventMs[size] = rowEventMs;
        size++;
    }

    /** Forgets the rows (their arrays may live on as online versions). */
    @Override
    public void clear() {
        java.util.Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public OfflineRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new OfflineRow(new RowValues(names, values[index]), Instant.ofEpochMilli(eventMs[index]), invokedAt,
                null, false);
    }

    @Override
    public int size() {
        return size;
    }

    /** A read-only map view of one row's array, feature name → value (nulls included). */
    private static final class RowValues extends AbstractMap<String, Object> {
        private final String[] names;
        private final Object[] row;

        RowValues(String[] names, Object[] row) {
            this.names = names;
            this.row = row;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < names.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (i >= names.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Object> e = new SimpleImmutableEntry<>(names[i], row[i]);
                            i++;
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
        }
    }
}
