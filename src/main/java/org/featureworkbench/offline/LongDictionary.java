package org.featureworkbench.offline;

import java.util.Arrays;

/**
 * A Parquet dictionary of 8-byte values (Integral values, or Fractional bit patterns): ids in
 * first-seen order through an open-addressing table. Not thread-safe.
 */
final class LongDictionary {
    private long[] values = new long[64];
    private int size;
    private int[] table = new int[256]; // id + 1; 0 = free

    int size() {
        return size;
    }

    /** Bytes of the dictionary page before compression: 8 per value. */
    long plainBytes() {
        return 8L * size;
    }

    /** The id of {@code value}, added when new. */
    int idOf(long value) {
        int mask = table.length - 1;
        for (int slot = mix(value) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return add(slot, value);
            }
            if (values[entry - 1] == value) {
                return entry - 1;
            }
        }
    }

    /** The dictionary page's values, PLAIN-encoded (little-endian) in id order. */
    PageBytes plainValues() {
        PageBytes out = new PageBytes(size * 8);
        for (int id = 0; id < size; id++) {
            out.writeLongLE(values[id]);
        }
        return out;
    }

    private int add(int slot, long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        int id = size++;
        values[id] = value;
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            table = new int[table.length * 2];
            int mask = table.length - 1;
            for (int i = 0; i < size; i++) {
                int s = mix(values[i]) & mask;
                while (table[s] != 0) {
                    s = (s + 1) & mask;
                }
                table[s] = i + 1;
            }
        }
        return id;
    }

    private static int mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        return (int) v;
    }
}
