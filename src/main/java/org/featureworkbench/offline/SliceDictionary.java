package org.featureworkbench.offline;

import java.util.Arrays;

/**
 * A Parquet dictionary of Strings that are slices of one array (an {@link HourBuffer}'s):
 * ids in first-seen order, found through an open-addressing table of FNV-1a hashes, so a value
 * costs a hash and one compare, and no object. Not thread-safe.
 */
final class SliceDictionary {
    private final byte[] source;
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int size;
    private long plainBytes;
    private int[] table = new int[256]; // id + 1; 0 = free
    private int[] hashes = new int[64];

    SliceDictionary(byte[] source) {
        this.source = source;
    }

    int size() {
        return size;
    }

    /** Bytes of the dictionary page before compression: a 4-byte length and the bytes of each value. */
    long plainBytes() {
        return plainBytes;
    }

    /** The id of {@code source[start, start + length)}, added when new. */
    int idOf(int start, int length) {
        int hash = 0x811c9dc5;
        for (int k = start; k < start + length; k++) {
            hash = (hash ^ (source[k] & 0xFF)) * 0x01000193;
        }
        hash ^= hash >>> 16; // FNV's low bits, which pick the slot, are weak for short keys
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return add(slot, hash, start, length);
            }
            int id = entry - 1;
            if (hashes[id] == hash && lengths[id] == length
                    && Arrays.equals(source, starts[id], starts[id] + length, source, start, start + length)) {
                return id;
            }
        }
    }

    byte[] source() {
        return source;
    }

    int start(int id) {
        return starts[id];
    }

    int length(int id) {
        return lengths[id];
    }

    /** The dictionary page's values, PLAIN-encoded in id order. */
    PageBytes plainValues() {
        PageBytes out = new PageBytes((int) Math.min(Integer.MAX_VALUE - 16, plainBytes));
        for (int id = 0; id < size; id++) {
            out.writeIntLE(lengths[id]);
            out.write(source, starts[id], lengths[id]);
        }
        return out;
    }

    private int add(int slot, int hash, int start, int length) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int id = size++;
        starts[id] = start;
        lengths[id] = length;
        hashes[id] = hash;
        plainBytes += 4L + length;
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
    }
}
