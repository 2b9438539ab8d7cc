package org.featureworkbench.offline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;

/**
 * The rows of one event-time hour waiting for their Parquet file, serialised compactly into one
 * growing byte array: per feature a tag byte (0 = null, 1 = value), then 8 bytes for an Integral
 * or Fractional, or a varint length and the UTF-8 bytes of a String. About the size of the CSV
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
                case INTEGRAL -> putFixed(i, v instanceof Long l ? l : mismatch(i, v));
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
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ensure(6 + utf8.length);
        bytes[length++] = 1;
        int n = utf8.length;
        while ((n & ~0x7F) != 0) {
            bytes[length++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        bytes[length++] = (byte) n;
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
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
