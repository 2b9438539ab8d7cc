package org.featureworkbench.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Byte-order marks: which encoding a file's first bytes announce. */
final class Boms {
    private Boms() {
    }

    /** The charset the byte-order mark at the start of {@code head} announces, or null when there is none. */
    static Charset charsetOf(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    static int length(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }
}
