package org.featureworkbench.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;

/** Turns parquet-avro values into the text a source row holds. Stateless. */
final class ParquetValues {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private ParquetValues() {
    }

    static String render(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        Schema type = nonNull(schema);
        LogicalType logical = type.getLogicalType();
        if (value instanceof CharSequence || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Float f) {
            // Float.toString keeps 0.1f as "0.1"; widening to double would print 0.10000000149011612.
            return Float.toString(f);
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        if (value instanceof Integer || value instanceof Long) {
            return renderWhole(((Number) value).longValue(), logical);
        }
        if (value instanceof ByteBuffer buffer) {
            return renderBytes(bytesOf(buffer), logical);
        }
        if (value instanceof GenericFixed fixed) {
            byte[] bytes = fixed.bytes();
            if (logical == null && bytes.length == 12 && type.getName().toUpperCase().contains("INT96")) {
                return int96(bytes).toString();
            }
            return renderBytes(bytes, logical);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }

    private static String renderWhole(long v, LogicalType logical) {
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.LocalTimestampMillis) {
            return Instant.ofEpochMilli(v).toString();
        }
        if (logical instanceof LogicalTypes.TimestampMicros || logical instanceof LogicalTypes.LocalTimestampMicros) {
            return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000).toString();
        }
        if (logical instanceof LogicalTypes.Date) {
            return LocalDate.ofEpochDay(v).toString();
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            return LocalTime.ofNanoOfDay(v * 1_000_000L).toString();
        }
        if (logical instanceof LogicalTypes.TimeMicros) {
            return LocalTime.ofNanoOfDay(v * 1000L).toString();
        }
        return Long.toString(v);
    }

    private static String renderBytes(byte[] bytes, LogicalType logical) {
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return new BigDecimal(new BigInteger(bytes), decimal.getScale()).toPlainString();
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** INT96: 8 bytes nanoseconds of the day, then 4 bytes Julian day, both little-endian. */
    static Instant int96(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = b.getLong();
        long julianDay = Integer.toUnsignedLong(b.getInt());
        return Instant.ofEpochSecond((julianDay - JULIAN_DAY_OF_EPOCH) * 86_400L, nanosOfDay);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            for (Schema branch : schema.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    return branch;
                }
            }
        }
        return schema;
    }
}
