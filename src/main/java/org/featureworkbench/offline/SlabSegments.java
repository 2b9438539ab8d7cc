package org.featureworkbench.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fixed-size segments of a few large byte arrays ("slabs"), for the {@link HourBuffer}s of one
 * writer thread. Why not one growing array per hour: an ingest keeps ~150 MB of rows across
 * hundreds of hours, and every array that grew since the last young collection was copied by the
 * collector (and once more by the growth itself) — measured at a fifth of an ingest's read phase
 * in G1 pauses. A slab of just under a G1 region is a humongous object: allocated directly in the
 * old generation and never copied, and a primitive array the collector does not scan. Segments
 * return to a free list when their hour is written, so a long ingest reuses the same slabs. Not
 * thread-safe (one per writer thread).
 */
final class SlabSegments {
    /** Bytes of one slab: a 1 MB G1 region minus the array header, so a slab takes exactly one region. */
    static final int SLAB_BYTES = (1 << 20) - 16;
    /** Bytes of one segment: an hour wastes at most this much in its last segment. */
    static final int SEGMENT_BYTES = 16 * 1024;
    private static final int SEGMENTS_PER_SLAB = SLAB_BYTES / SEGMENT_BYTES;

    private final List<byte[]> slabs = new ArrayList<>();
    private long[] free = new long[64];
    private int freeCount;

    /** A free segment, as {@code slab index << 32 | offset}; adds a slab when none is free. */
    long take() {
        if (freeCount == 0) {
            int index = slabs.size();
            slabs.add(new byte[SLAB_BYTES]);
            for (int s = SEGMENTS_PER_SLAB - 1; s >= 0; s--) {
                give(((long) index << 32) | ((long) s * SEGMENT_BYTES));
            }
        }
        return free[--freeCount];
    }

    /** Returns a segment taken earlier. */
    void give(long segment) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = segment;
    }

    byte[] slab(long segment) {
        return slabs.get((int) (segment >>> 32));
    }

    static int offset(long segment) {
        return (int) segment;
    }

    /**
     * Drops every slab (all segments must have been given back): after a publish the heap goes to
     * what follows it, such as the online writes of the ingest.
     */
    void clear() {
        slabs.clear();
        freeCount = 0;
    }

    /** Bytes of all slabs (what the heap pays, used or not). */
    long heapBytes() {
        return (long) slabs.size() * SLAB_BYTES;
    }
}
