package org.featureworkbench.offline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.ValidationException;

/**
 * Rows serialised as {@link HourBuffer} keeps them (per feature a tag byte, 0 = null and 1 =
 * value, then a zig-zag varint for an Integral, 8 big-endian bytes for a Fractional, a varint
 * length and the UTF-8 bytes for a String), one after another in one growable array.
 *
 * <p>The thread that made a row's values serialises them, while they are still in its cache; the
 * writer thread only copies bytes into the row's hour. Before, the writer thread serialised boxed
 * values made on another core: a cache miss per value, and the rows stayed alive in the hand-off
 * queue long enough to be copied by the young collector. Not thread-safe.
 */
final class RowBytes {
    private final String[] names;
    private final FeatureType[] types;
    private byte[] bytes;
    private int length;

    RowBytes(String[] names, FeatureType[] types, int initialCapacity) {
        this.names = names;
        this.types = types;
        this.bytes = new byte[Math.max(64, initialCapacity)];
    }

    /**
     * Appends one row, checking each value's type against its feature.
     *
     * @throws ValidationException for a value of the wrong type; nothing of the row is appended
     */
    void append(Object[] values) {
        int rowStart = length;
        try {
            for (int i = 0; i < types.length; i++) {
                Object v = values[i];
                if (v == null) {
                    ensure(1);
                    bytes[length++] = 0;
                    continue;
                }
                switch (types[i]) {
                    case INTEGRAL -> putIntegral(v instanceof Long l ? l : mismatch(i, v));
                    case FRACTIONAL -> putFixed(v instanceof Double d ? Double.doubleToRawLongBits(d) : mismatch(i, v));
                    case STRING -> putString(i, v);
                }
            }
        } catch (RuntimeException e) {
            length = rowStart;
            throw e;
        }
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
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

    private void putFixed(long value) {
        ensure(9);
        bytes[length++] = 1;
        BIG_ENDIAN_LONG.set(bytes, length, value);
        length += 8;
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
        length = putVarint(utf8.length, length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    /**
     * Writes the length and the chars of an all-ASCII string straight into the buffer (its UTF-8
     * bytes are its chars), without the byte array {@code getBytes} makes; returns false, having
     * written nothing, at the first other char.
     */
    private boolean putAscii(String s, int chars) {
        int p = putVarint(chars, length);
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

    /** Writes a String's byte length as an unsigned varint at {@code p}; returns the index after it. */
    private int putVarint(int n, int p) {
        while ((n & ~0x7F) != 0) {
            bytes[p++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        bytes[p++] = (byte) n;
        return p;
    }

    private long mismatch(int i, Object v) {
        throw new ValidationException(names[i], "value '" + v + "' is a " + v.getClass().getSimpleName()
                + ", but the feature is " + types[i].awsName());
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }

    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
}
