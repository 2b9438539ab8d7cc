package org.featureworkbench.offline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.featureworkbench.model.FeatureType;

/**
 * The rows of one event-time hour waiting for their Parquet file, serialised compactly: per
 * feature a tag byte (0 = null, 1 = value), then a zig-zag varint for an Integral (most are
 * small: ages, counts), 8 big-endian bytes for a Fractional, or a varint length and the UTF-8
 * bytes of a String. About the size of the CSV text, a fraction of the row's Java objects — and
 * the file's encoder exists only while the hour's file is written. The bytes live in segments of
 * {@link SlabSegments} (rows never straddle two), which {@link #toArray} joins for the encoder
 * and {@link #release} returns. Not thread-safe.
 */
final class HourBuffer {
    private final FeatureType[] types;
    private final SlabSegments slabs;
    private long[] segments = new long[4]; // from slabs, or -1 for a row too big for one
    private byte[][] segmentArrays = new byte[4][];
    private int[] segmentStarts = new int[4];
    private int[] segmentUsed = new int[4];
    private int segmentCount;
    private long totalBytes;
    private long heapBytes;
    private long rows;
    private long latestEventMs = Long.MIN_VALUE;

    HourBuffer(FeatureType[] types, SlabSegments slabs) {
        this.types = types;
        this.slabs = slabs;
    }

    /**
     * Adds one row serialised by {@link RowBytes}: {@code length} bytes of {@code source} from
     * {@code from}, copied into the last segment (or a new one when they do not fit).
     */
    void add(byte[] source, int from, int length, long eventMs) {
        int last = segmentCount - 1;
        if (last < 0 || segmentUsed[last] + length > capacity(last)) {
            newSegment(length);
            last = segmentCount - 1;
        }
        System.arraycopy(source, from, segmentArrays[last], segmentStarts[last] + segmentUsed[last], length);
        segmentUsed[last] += length;
        totalBytes += length;
        rows++;
        latestEventMs = Math.max(latestEventMs, eventMs);
    }

    private int capacity(int segment) {
        return segments[segment] < 0 ? segmentArrays[segment].length : SlabSegments.SEGMENT_BYTES;
    }

    private void newSegment(int length) {
        if (segmentCount == segments.length) {
            int n = segmentCount * 2;
            segments = Arrays.copyOf(segments, n);
            segmentArrays = Arrays.copyOf(segmentArrays, n);
            segmentStarts = Arrays.copyOf(segmentStarts, n);
            segmentUsed = Arrays.copyOf(segmentUsed, n);
        }
        int i = segmentCount++;
        if (length > SlabSegments.SEGMENT_BYTES) {
            segments[i] = -1; // a row bigger than a segment (a long text) gets an array of its own
            segmentArrays[i] = new byte[length];
            segmentStarts[i] = 0;
            heapBytes += length;
        } else {
            long segment = slabs.take();
            segments[i] = segment;
            segmentArrays[i] = slabs.slab(segment);
            segmentStarts[i] = SlabSegments.offset(segment);
            heapBytes += SlabSegments.SEGMENT_BYTES;
        }
        segmentUsed[i] = 0;
    }

    /** The rows' bytes in one new array, for the encoder. */
    byte[] toArray() {
        if (totalBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("an hour buffer outgrew an array: " + totalBytes + " bytes");
        }
        byte[] all = new byte[(int) totalBytes];
        int p = 0;
        for (int i = 0; i < segmentCount; i++) {
            System.arraycopy(segmentArrays[i], segmentStarts[i], all, p, segmentUsed[i]);
            p += segmentUsed[i];
        }
        return all;
    }

    /** Returns the segments to the slabs; the buffer must not be used afterwards. */
    void release() {
        for (int i = 0; i < segmentCount; i++) {
            if (segments[i] >= 0) {
                slabs.give(segments[i]);
            }
            segmentArrays[i] = null;
        }
        segmentCount = 0;
    }

    long rows() {
        return rows;
    }

    long latestEventMs() {
        return latestEventMs;
    }

    /** Bytes held: whole segments, which is what the heap pays. */
    long heapBytes() {
        return heapBytes;
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
    static boolean[] nearUniqueFeatures(byte[] bytes, long rows, FeatureType[] types, int sampleRows) {
        boolean[] unique = new boolean[types.length];
        int rowsSampled = (int) Math.min(rows, sampleRows);
        if (rowsSampled < MIN_SAMPLE_ROWS) {
            return unique;
        }
        int[][] seen = new int[types.length][Integer.highestOneBit(rowsSampled) * 2]; // at most half full
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
                    int n = stringLength(bytes, p);
                    p += integralSize(bytes, p); // the length's varint, skipped like an Integral's
                    hash = 0xcbf29ce484222325L ^ n;
                    int k = 0;
                    for (; k + 8 <= n; k += 8) { // 8 bytes a step; the tail byte by byte
                        hash = (hash ^ (long) LITTLE_ENDIAN_LONG.get(bytes, p + k)) * 0x9E3779B97F4A7C15L;
                        hash ^= hash >>> 29;
                    }
                    for (; k < n; k++) {
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
        return (long) BIG_ENDIAN_LONG.get(b, p);
    }

    /** 8 bytes at an index of a byte array as one big-endian long (a single load, not eight). */
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** The Integral written at {@code p} (a zig-zag varint). */
    static long readIntegral(byte[] b, int p) {
        long zigzag = readVarint(b, p);
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    /** The unsigned LEB128 varint at {@code p}. */
    private static long readVarint(byte[] b, int p) {
        long v = 0;
        int shift = 0;
        byte next;
        do {
            next = b[p++];
            v |= (long) (next & 0x7F) << shift;
            shift += 7;
        } while (next < 0);
        return v;
    }

    /** Bytes of the varint at {@code p}: an Integral, or a String's length. */
    static int integralSize(byte[] b, int p) {
        int size = 1;
        while (b[p++] < 0) {
            size++;
        }
        return size;
    }

    /** The byte length of the String written at {@code p} (its varint prefix; the bytes follow it). */
    static int stringLength(byte[] b, int p) {
        return (int) readVarint(b, p);
    }
}
