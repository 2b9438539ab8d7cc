package org.featureworkbench.offline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;

/**
 * The rows of one event-time hour waiting for their Parquet file, serialised compactly into one
 * growing byte array: per feature a tag byte (0 = null, 1 = value), then a zig-zag varint for an
 * Integral (most are small: ages, counts), 8 big-endian bytes for a Fractional, or a varint
 * length and the UTF-8 bytes of a String. About the size of the CSV
 * text, a fraction of the row's Java objects — and a Parquet writer, which allocates ~0.2 MB of
 * buffers per open file, exists only while the hour's file is written. Not thread-safe.
 */
final class HourBuffer {
    private final FeatureType[] types;
    private final String[] names;
    private byte[] bytes = new byte[256];
    private int length;
    private long rows;
    private long latestEventMs = Long.MIN_VALUE;

    HourBuffer(String[] names, FeatureType[] types) {
        this.names = names;
        this.types = types;
    }

    /** Serialises a row, checking each value's type against its feature. */
    void add(Object[] values, long eventMs) {
        for (int i = 0; i < types.length; i++) {
            Object v = values[i];
            if (v == null) {
                ensure(1);
                bytes[length++] = 0;
                continue;
            }
            switch (types[i]) {
                case INTEGRAL -> putIntegral(v instanceof Long l ? l : mismatch(i, v));
                case FRACTIONAL -> putFixed(i, v instanceof Double d ? Double.doubleToRawLongBits(d) : mismatch(i, v));
                case STRING -> putString(i, v);
            }
        }
        rows++;
        latestEventMs = Math.max(latestEventMs, eventMs);
    }

    long rows() {
        return rows;
    }

    long latestEventMs() {
        return latestEventMs;
    }

    /** Bytes held (the array's capacity, which is what the heap pays). */
    long heapBytes() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    FeatureType[] types() {
        return types;
    }

    /**
     * Which features look unique in this hour: among the first {@code sampleRows} rows, at least
     * {@code DISTINCT_SHARE} of the non-null values are distinct. A Parquet dictionary cannot pay
     * for such a column (the dictionary alone is as big as the plain values), so parquet-java would
     * build one for the page and then throw it away; the writer skips it for these columns.
     */
    boolean[] nearUniqueFeatures(int sampleRows) {
        boolean[] unique = new boolean[types.length];
        int rowsSampled = (int) Math.min(rows, sampleRows);
        if (rowsSampled < MIN_SAMPLE_ROWS) {
            return unique;
        }
        int[][] seen = new int[types.length][Integer.highestOneBit(rowsSampled) * 4];
        int[] distinct = new int[types.length];
        int[] present = new int[types.length];
        int p = 0;
        for (int r = 0; r < rowsSampled; r++) {
            for (int i = 0; i < types.length; i++) {
                if (bytes[p++] == 0) {
                    continue;
                }
                long hash;
                if (types[i] == FeatureType.STRING) {
                    int n = 0;
                    int shift = 0;
                    byte next;
                    do {
                        next = bytes[p++];
                        n |= (next & 0x7F) << shift;
                        shift += 7;
                    } while (next < 0);
                    hash = 0xcbf29ce484222325L ^ n;
                    for (int k = 0; k < n; k++) {
                        hash = (hash ^ (bytes[p + k] & 0xFF)) * 0x100000001b3L;
                    }
                    p += n;
                } else if (types[i] == FeatureType.INTEGRAL) {
                    hash = readIntegral(bytes, p);
                    p += integralSize(bytes, p);
                } else {
                    hash = readFixed(bytes, p);
                    p += 8;
                }
                present[i]++;
                if (addHash(seen[i], (int) mix(hash))) {
                    distinct[i]++;
                }
            }
        }
        for (int i = 0; i < types.length; i++) {
            unique[i] = present[i] >= MIN_SAMPLE_ROWS && distinct[i] >= DISTINCT_SHARE * present[i];
        }
        return unique;
    }

    /** Sampled rows below which a file is too small to judge (and too small for it to matter). */
    static final int MIN_SAMPLE_ROWS = 64;
    /** Share of distinct values in the sample from which a feature counts as near-unique. */
    static final double DISTINCT_SHARE = 0.9;

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h == 0 ? 1 : h; // 0 marks a free slot
    }

    /** Adds to an open-addressing set of non-zero 32-bit hashes (a collision among a few hundred is rare); true when new. */
    private static boolean addHash(int[] table, int h) {
        int mask = table.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == 0) {
                table[slot] = h;
                return true;
            }
            if (table[slot] == h) {
                return false;
            }
        }
    }

    /** The 8-byte value written at {@code p} (big-endian). */
    static long readFixed(byte[] b, int p) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (b[p + k] & 0xFFL);
        }
        return v;
    }

    /** The Integral written at {@code p} (a zig-zag varint). */
    static long readIntegral(byte[] b, int p) {
        long zigzag = 0;
        int shift = 0;
        byte next;
        do {
            next = b[p++];
            zigzag |= (long) (next & 0x7F) << shift;
            shift += 7;
        } while (next < 0);
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    /** Bytes of the Integral written at {@code p}. */
    static int integralSize(byte[] b, int p) {
        int size = 1;
        while (b[p++] < 0) {
            size++;
        }
        return size;
    }

    /** The byte length of the String written at {@code p} (its varint prefix; the bytes follow it). */
    static int stringLength(byte[] b, int p) {
        int n = 0;
        int shift = 0;
        byte next;
        do {
            next = b[p++];
            n |= (next & 0x7F) << shift;
            shift += 7;
        } while (next < 0);
        return n;
    }

    private void putIntegral(long value) {
        ensure(11);
        bytes[length++] = 1;
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        bytes[length++] = (byte) zigzag;
    }

    private void putFixed(int i, long value) {
        ensure(9);
        bytes[length++] = 1;
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    private void putString(int i, Object v) {
        if (!(v instanceof String s)) {
            mismatch(i, v);
            return;
        }
        int chars = s.length();
        ensure(6 + chars);
        bytes[length++] = 1;
        if (putAscii(s, chars)) {
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ensure(5 + utf8.length);
        int n = utf8.length;
        while ((n & ~0x7F) != 0) {
            bytes[length++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        bytes[length++] = (byte) n;
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    /**
     * Writes the length and the chars of an all-ASCII string straight into the buffer (its UTF-8
     * bytes are its chars), without the byte array {@code getBytes} makes; returns false, having
     * written nothing, at the first other char.
     */
    private boolean putAscii(String s, int chars) {
        int start = length;
        int p = start;
        int n = chars;
        while ((n & ~0x7F) != 0) {
            bytes[p++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        bytes[p++] = (byte) n;
        for (int k = 0; k < chars; k++) {
            char c = s.charAt(k);
            if (c >= 0x80) {
                return false;
            }
            bytes[p++] = (byte) c;
        }
        length = p;
        return true;
    }

    private long mismatch(int i, Object v) {
        throw new ValidationException(names[i], "value '" + v + "' is a " + v.getClass().getSimpleName()
                + ", but the feature is " + types[i].awsName());
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            // Grow by half, not double: hundreds of buffers grow at once and doubling wastes a third.
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length + (bytes.length >> 1)));
        }
    }
}
