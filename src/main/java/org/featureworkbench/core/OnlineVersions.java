package org.featureworkbench.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.TypedRecord;

/**
 * The in-file deduplication of a batch ingest: per record id, the newest version seen so far;
 * of two versions with equal event times the later one in the file wins (ADR 0005's "equal
 * overwrites", applied in file order). Draining hands the survivors out in batches for
 * {@link org.featureworkbench.online.OnlineStore#putAll}, which applies the same rule against
 * what is stored. Not thread-safe.
 *
 * <p>Each winning version is kept as one compact byte array (a tag per feature, then 8 bytes for
 * a number or a length and UTF-8 for a string), not as the row's array of boxed values: the map
 * holds up to {@code maxOnlineIds} versions while the offline hour buffers fill the heap too, and
 * boxed rows cost about three times the bytes and the garbage collector's time to trace them.
 */
final class OnlineVersions {
    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte STRING = 3;

    private final String[] names;
    private final int recordIdIndex;
    private final HashMap<Object, Version> byId = new HashMap<>();
    private byte[] scratch = new byte[256];
    /** The ids in key order for {@link #take}, built on the first take after an offer; null until then. */
    private Object[] order;
    private int orderPosition;

    /** A record's winning version so far; mutable so a newer version costs no new entry. */
    private static final class Version {
        byte[] encoded;
        long eventMs;

        Version(byte[] encoded, long eventMs) {
            this.encoded = encoded;
            this.eventMs = eventMs;
        }
    }

    OnlineVersions(String[] featureNames, int recordIdIndex) {
        this.names = featureNames;
        this.recordIdIndex = recordIdIndex;
    }

    /** Offers a row (typed values in feature order, not kept); it wins unless a newer version of its id was seen. */
    void offer(Object[] values, long eventMs) {
        order = null;
        Object id = values[recordIdIndex];
        Version current = byId.get(id);
        if (current == null) {
            byId.put(id, new Version(encode(values), eventMs));
        } else if (eventMs >= current.eventMs) {
            current.encoded = encode(values);
            current.eventMs = eventMs;
        }
    }

    /** Distinct record ids held. */
    int size() {
        return byId.size();
    }

    /**
     * Removes and returns up to {@code max} versions as typed records, in ascending record id order
     * (a String by its characters, an Integral by value), so a caller can write them a transaction
     * at a time and stop between transactions.
     *
     * <p>The order is the online table's primary-key order: each transaction then inserts into one
     * narrow key range of the table's B-tree, so its commit rewrites only the pages of that range.
     * In hash order every transaction touched nearly every leaf page, and H2 (which writes the changed
     * pages at each commit) rewrote almost the whole table twenty times for 200k ids.
     */
    List<TypedRecord> take(int max) {
        if (order == null) {
            order = byId.keySet().toArray();
            Arrays.sort(order, OnlineVersions::compareIds);
            orderPosition = 0;
        }
        List<TypedRecord> batch = new ArrayList<>(Math.min(max, byId.size()));
        while (batch.size() < max && orderPosition < order.length) {
            Object id = order[orderPosition];
            order[orderPosition++] = null;
            Version v = byId.remove(id);
            if (v != null) {
                batch.add(toRecord(id, v));
            }
        }
        if (byId.isEmpty()) {
            order = null;
        }
        return batch;
    }

    /** Natural order within a type (a group's ids all have one: String or Long); mixed types by class name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareIds(Object a, Object b) {
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return ((Comparable) a).compareTo(b);
    }

    private TypedRecord toRecord(Object id, Version v) {
        Map<String, Object> values = new LinkedHashMap<>();
        byte[] b = v.encoded;
        int p = 0;
        for (int i = 0; i < names.length; i++) {
            if (i == recordIdIndex) {
                continue;
            }
            byte tag = b[p++];
            Object value;
            switch (tag) {
                case LONG -> {
                    value = getLong(b, p);
                    p += 8;
                }
                case DOUBLE -> {
                    value = Double.longBitsToDouble(getLong(b, p));
                    p += 8;
                }
                case STRING -> {
                    int len = 0;
                    int shift = 0;
                    byte x;
                    do {
                        x = b[p++];
                        len |= (x & 0x7f) << shift;
                        shift += 7;
                    } while (x < 0);
                    value = new String(b, p, len, StandardCharsets.UTF_8);
                    p += len;
                }
                default -> value = null;
            }
            if (value != null) {
                values.put(names[i], value);
            }
        }
        return new TypedRecord(id, Instant.ofEpochMilli(v.eventMs), values);
    }

    /** The row without its record id (the map key) as tag + payload per feature. */
    private byte[] encode(Object[] values) {
        int p = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == recordIdIndex) {
                continue;
            }
            Object value = values[i];
            if (value instanceof String s) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                ensure(p + 6 + utf8.length);
                scratch[p++] = STRING;
                int len = utf8.length;
                while ((len & ~0x7f) != 0) {
                    scratch[p++] = (byte) ((len & 0x7f) | 0x80);
                    len >>>= 7;
                }
                scratch[p++] = (byte) len;
                System.arraycopy(utf8, 0, scratch, p, utf8.length);
                p += utf8.length;
            } else if (value instanceof Long l) {
                ensure(p + 9);
                scratch[p++] = LONG;
                putLong(p, l);
                p += 8;
            } else if (value instanceof Double d) {
                ensure(p + 9);
                scratch[p++] = DOUBLE;
                putLong(p, Double.doubleToRawLongBits(d));
                p += 8;
            } else if (value == null) {
                ensure(p + 1);
                scratch[p++] = NULL;
            } else {
                throw new IllegalArgumentException("unexpected typed value " + value.getClass().getName());
            }
        }
        return Arrays.copyOf(scratch, p);
    }

    private void ensure(int size) {
        if (size > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(size, scratch.length * 2));
        }
    }

    private void putLong(int p, long v) {
        for (int k = 7; k >= 0; k--) {
            scratch[p + k] = (byte) v;
            v >>>= 8;
        }
    }

    private static long getLong(byte[] b, int p) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (b[p + k] & 0xffL);
        }
        return v;
    }
}
