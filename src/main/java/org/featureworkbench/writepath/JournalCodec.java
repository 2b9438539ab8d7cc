package org.featureworkbench.writepath;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The record journal's binary format. A segment is a sequence of frames
 * {@code [int payload length][int CRC-32 of payload][payload]}; a payload is either a name
 * definition ({@code 0, int id, string}) or an entry ({@code kind tag, …}). Group and feature
 * names are written once per segment and referred to by id afterwards, so a row costs its
 * values, not its names, and reading it back decodes no names. Values keep their type
 * (8-byte long or double, or a UTF-8 string), so the flush does not parse them again.
 *
 * <p>A frame whose length runs past the end of the file or whose checksum does not match is a
 * torn tail (the process died inside a write, which was then never acknowledged): reading stops
 * there. Big-endian throughout; the tags and layout are a file format and must not change.
 */
final class JournalCodec {
    static final int HEADER_BYTES = 8;
    private static final byte NAME = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte STRING = 3;
    private static final byte NULL = 4;
    private static final byte ONLINE = 1;
    private static final byte OFFLINE = 2;

    private JournalCodec() {
    }

    /** Encodes entries of one segment (names are numbered per segment). Not thread-safe. */
    static final class Encoder {
        private final Map<String, Integer> ids = new HashMap<>();
        private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        private final CRC32 crc = new CRC32();

        /** Appends the frames of {@code e} (and of names it uses first) to the pending bytes. */
        void encode(JournalEntry e) {
            int group = e.kind() == JournalEntry.Kind.VOID ? 0 : nameId(e.groupName());
            int[] featureIds = new int[e.values().size()];
            int i = 0;
            for (String feature : e.values().keySet()) {
                featureIds[i++] = nameId(feature);
            }
            int start = beginFrame();
            buffer.put(e.kind().tag).putLong(e.seq());
            switch (e.kind()) {
                case VOID -> buffer.putLong(e.voidedSeq());
                case PUT -> {
                    common(e, group);
                    buffer.putInt(featureIds.length);
                    i = 0;
                    for (Object value : e.values().values()) {
                        ensure(16);
                        buffer.putInt(featureIds[i++]);
                        putValue(value);
                    }
                }
                default -> {
                    common(e, group);
                    putString(e.recordId());
                }
            }
            endFrame(start);
        }

        /** The encoded bytes since the last {@link #clear}, ready to write. */
        ByteBuffer pending() {
            return buffer.duplicate().flip();
        }

        void clear() {
            buffer.clear();
            if (buffer.capacity() > 4 * 1024 * 1024) {
                buffer = ByteBuffer.allocate(64 * 1024); // one huge record must not pin its buffer
            }
        }

        /** Forgets the name ids: the next segment defines its names again. */
        void startSegment() {
            ids.clear();
        }

        private void common(JournalEntry e, int group) {
            ensure(48);
            buffer.putInt(group).putLong(e.groupCreated()).putLong(e.invokedMs())
                    .put((byte) ((e.online() ? ONLINE : 0) | (e.offline() ? OFFLINE : 0)))
                    .putLong(e.eventTimeMs()).putLong(e.expiresAtMs());
        }

        private void putValue(Object value) {
            if (value == null) {
                buffer.put(NULL);
            } else if (value instanceof Long l) {
                buffer.put(LONG).putLong(l);
            } else if (value instanceof Double d) {
                buffer.put(DOUBLE).putDouble(d);
            } else {
                buffer.put(STRING);
                putString(value.toString());
            }
        }

        private int nameId(String name) {
            Integer id = ids.get(name);
            if (id != null) {
                return id;
            }
            int fresh = ids.size() + 1;
            ids.put(name, fresh);
            int start = beginFrame();
            buffer.put(NAME).putInt(fresh);
            putString(name);
            endFrame(start);
            return fresh;
        }

        private void putString(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            ensure(4 + bytes.length);
            buffer.putInt(bytes.length).put(bytes);
        }

        private int beginFrame() {
            ensure(HEADER_BYTES + 64);
            int start = buffer.position();
            buffer.position(start + HEADER_BYTES);
            return start;
        }

        private void endFrame(int start) {
            int payload = buffer.position() - start - HEADER_BYTES;
            crc.reset();
            crc.update(buffer.array(), start + HEADER_BYTES, payload);
            buffer.putInt(start, payload).putInt(start + 4, (int) crc.getValue());
        }

        private void ensure(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes + 1024));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }
    }

    /** Decodes the payloads of one segment, in order. Not thread-safe. */
    static final class Decoder {
        private final List<String> names = new ArrayList<>();
        private final CRC32 crc = new CRC32();

        /** Whether {@code length} bytes at {@code offset} of {@code data} carry checksum {@code expected}. */
        boolean intact(byte[] data, int offset, int length, int expected) {
            crc.reset();
            crc.update(data, offset, length);
            return (int) crc.getValue() == expected;
        }

        /** The entry in a payload, or null for a name definition (which it remembers). */
        JournalEntry decode(ByteBuffer payload) {
            byte tag = payload.get();
            if (tag == NAME) {
                int id = payload.getInt();
                String name = getString(payload);
                while (names.size() < id) {
                    names.add(null);
                }
                names.set(id - 1, name);
                return null;
            }
            JournalEntry.Kind kind = JournalEntry.Kind.of(tag);
            long seq = payload.getLong();
            if (kind == JournalEntry.Kind.VOID) {
                return JournalEntry.voiding(seq, payload.getLong());
            }
            String group = name(payload.getInt());
            long created = payload.getLong();
            long invoked = payload.getLong();
            byte flags = payload.get();
            long eventTime = payload.getLong();
            long expires = payload.getLong();
            boolean online = (flags & ONLINE) != 0;
            boolean offline = (flags & OFFLINE) != 0;
            if (kind != JournalEntry.Kind.PUT) {
                return new JournalEntry(seq, kind, group, created, invoked, online, offline, eventTime, expires,
                        getString(payload), Map.of(), 0);
            }
            int count = payload.getInt();
            Map<String, Object> values = new LinkedHashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String feature = name(payload.getInt());
                byte type = payload.get();
                values.put(feature, switch (type) {
                    case LONG -> payload.getLong();
                    case DOUBLE -> payload.getDouble();
                    case STRING -> getString(payload);
                    case NULL -> null;
                    default -> throw new IllegalArgumentException("unknown value type " + type);
                });
            }
            return JournalEntry.put(seq, group, created, invoked, online, offline, eventTime, expires, values);
        }

        private String name(int id) {
            if (id < 1 || id > names.size() || names.get(id - 1) == null) {
                throw new IllegalArgumentException("name " + id + " used before its definition");
            }
            return names.get(id - 1);
        }

        private static String getString(ByteBuffer payload) {
            int length = payload.getInt();
            String s = new String(payload.array(), payload.arrayOffset() + payload.position(), length,
                    StandardCharsets.UTF_8);
            payload.position(payload.position() + length);
            return s;
        }
    }
}
