package org.featureworkbench.api.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.FeatureValues;
import org.featureworkbench.model.OnlineRecord;

/**
 * GetRecord's response body, compact and written straight to bytes: the most frequent answer of
 * the endpoint, so it skips the tree and the pretty printing of {@code json.RecordJson} (which the
 * CLI shows to people), and a JSON library's generator too (ADR 0021, third addendum). Same shape:
 * {@code {"Record": [{"FeatureName", "ValueAsString"}], "ExpiresAt"}}, features without a value
 * left out, {@code {}} for a missing record; the bytes are those Jackson's compact generator writes
 * (same escapes: {@code \" \\ \b \t \n \f \r}, other control characters and each half of a
 * surrogate pair as a backslash, {@code u} and four upper-case hex digits, the rest as UTF-8). Thread-safe.
 */
final class RecordResponses {
    private static final byte[] RECORD = ascii("{\"Record\":[");
    private static final byte[] VALUE_AS_STRING = ascii("\",\"ValueAsString\":\"");
    private static final byte[] EXPIRES_AT = ascii("],\"ExpiresAt\":\"");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    /** Bounds the cache below: feature names come from the catalog, but groups can be made and dropped forever. */
    private static final int MAX_CACHED_NAMES = 10_000;
    // A feature's opening, {"FeatureName":"<name>, escaped and encoded once: feature names repeat on every answer.
    private static final Map<String, byte[]> OPENINGS = new ConcurrentHashMap<>();

    private RecordResponses() {
    }

    static byte[] getRecord(Optional<OnlineRecord> record, boolean withExpiry) {
        if (record.isEmpty()) {
            return new byte[] {'{', '}'};
        }
        OnlineRecord r = record.get();
        Bytes out = new Bytes(64 + 48 * r.values().size());
        out.write(RECORD);
        boolean first = true;
        for (var value : r.values().entrySet()) {
            if (value.getValue() != null) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(opening(value.getKey()));
                out.write(VALUE_AS_STRING);
                out.writeEscaped(FeatureValues.format(value.getValue()));
                out.write('"');
                out.write('}');
            }
        }
        if (withExpiry && r.expiresAt() != null) {
            out.write(EXPIRES_AT);
            out.writeEscaped(EventTimes.format(r.expiresAt(), FeatureType.STRING));
            out.write('"');
        } else {
            out.write(']');
        }
        out.write('}');
        return out.toArray();
    }

    private static byte[] opening(String featureName) {
        byte[] cached = OPENINGS.get(featureName);
        if (cached != null) {
            return cached;
        }
        Bytes out = new Bytes(20 + featureName.length());
        out.write(ascii("{\"FeatureName\":\""));
        out.writeEscaped(featureName);
        byte[] opening = out.toArray();
        if (OPENINGS.size() < MAX_CACHED_NAMES) {
            OPENINGS.put(featureName, opening);
        }
        return opening;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A growable byte array; one per answer, so no locking (unlike ByteArrayOutputStream). */
    private static final class Bytes {
        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void write(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
        }

        /** {@code text} as a JSON string's content, in UTF-8. */
        void writeEscaped(String text) {
            int length = text.length();
            ensure(length);
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    ensure(1);
                    bytes[size++] = (byte) c;
                } else if (c < 0x80) {
                    escape(c);
                } else if (c < 0x800) {
                    ensure(2);
                    bytes[size++] = (byte) (0xC0 | c >> 6);
                    bytes[size++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    // Jackson's UTF-8 generator writes each half of a pair as an escape, not as 4 bytes
                    unicodeEscape(c);
                } else {
                    ensure(3);
                    bytes[size++] = (byte) (0xE0 | c >> 12);
                    bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                    bytes[size++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }

        private void escape(char c) {
            char shortForm = switch (c) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '\b' -> 'b';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\f' -> 'f';
                case '\r' -> 'r';
                default -> 0;
            };
            if (shortForm != 0) {
                ensure(2);
                bytes[size++] = '\\';
                bytes[size++] = (byte) shortForm;
            } else {
                unicodeEscape(c);
            }
        }

        private void unicodeEscape(char c) {
            ensure(6);
            bytes[size++] = '\\';
            bytes[size++] = 'u';
            bytes[size++] = HEX[c >> 12];
            bytes[size++] = HEX[c >> 8 & 0xF];
            bytes[size++] = HEX[c >> 4 & 0xF];
            bytes[size++] = HEX[c & 0xF];
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] toArray() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }
}
