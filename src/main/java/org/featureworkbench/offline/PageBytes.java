package org.featureworkbench.offline;

import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;

/** A growable byte array written in Parquet's little-endian order; reused page after page. Not thread-safe. */
final class PageBytes {
    private byte[] bytes;
    private int length;

    PageBytes(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    void reset() {
        length = 0;
    }

    /** Drops everything after the first {@code newLength} bytes. */
    void truncate(int newLength) {
        length = newLength;
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    void writeByte(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    void writeIntLE(int v) {
        ensure(4);
        bytes[length] = (byte) v;
        bytes[length + 1] = (byte) (v >>> 8);
        bytes[length + 2] = (byte) (v >>> 16);
        bytes[length + 3] = (byte) (v >>> 24);
        length += 4;
    }

    /** Overwrites 4 bytes already written at {@code at} with {@code v}, little-endian. */
    void setIntLE(int at, int v) {
        if (at < 0 || at + 4 > length) {
            throw new IndexOutOfBoundsException("no 4 bytes written at " + at + " (length " + length + ")");
        }
        for (int k = 0; k < 4; k++) {
            bytes[at + k] = (byte) (v >>> (8 * k));
        }
    }

    void writeLongLE(long v) {
        ensure(8);
        LITTLE_ENDIAN_LONG.set(bytes, length, v);
        length += 8;
    }

    private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONG = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** An unsigned LEB128 varint, as in the headers of Parquet's RLE / bit-packing hybrid. */
    void writeVarint(int v) {
        while ((v & ~0x7F) != 0) {
            writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        writeByte(v);
    }

    void write(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** A view of the bytes written so far: valid only until the next write or reset. */
    BytesInput view() {
        return BytesInput.from(bytes, 0, length);
    }

    /** A copy of the bytes written so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }
}
