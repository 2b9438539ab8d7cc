package org.featureworkbench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Decodes bytes to characters and reports undecodable bytes instead of replacing them.
 *
 * <p>Unlike {@link java.io.InputStreamReader}, which drops the characters decoded before a bad
 * byte when it throws, this reader first returns every good character and only throws on the
 * following call. A caller that counts line breaks therefore knows the exact line of the bad
 * byte when the {@link UndecodableInputException} arrives.
 */
final class StrictDecodingReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private long bytesBeforeBuffer;
    private boolean eof;
    private boolean flushed;
    private UndecodableInputException pending;
    private final boolean asciiCompatible;
    private char heldLowSurrogate;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        this.asciiCompatible = ASCII_COMPATIBLE.contains(charset.name());
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        if (heldLowSurrogate != 0) {
            cbuf[off] = heldLowSurrogate;
            heldLowSurrogate = 0;
            return 1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        for (;;) {
            CoderResult result = asciiCompatible ? decodeMostlyAscii(out) : decoder.decode(bytes, out, eof);
            if (result.isError()) {
                pending = badBytes(result.length());
                if (out.position() > off) {
                    return out.position() - off;
                }
                throw pending;
            }
            if (result.isOverflow() && out.position() == off) {
                return splitPair(cbuf, off);
            }
            if (result.isOverflow() || out.position() > off && !eof) {
                return out.position() - off;
            }
            if (eof) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                return out.position() > off ? out.position() - off : -1;
            }
            refill();
        }
    }

    /**
     * A one-char read that meets a character outside the BMP (a surrogate pair, e.g. an emoji):
     * returns its high surrogate now and the low one on the next read, rather than 0 chars, which
     * a caller that retries with the same room would take for progress forever.
     */
    private int splitPair(char[] cbuf, int off) throws IOException {
        CharBuffer pair = CharBuffer.allocate(2);
        CoderResult result = decoder.decode(bytes, pair, eof);
        if (result.isError()) {
            pending = badBytes(result.length());
            throw pending;
        }
        pair.flip();
        if (pair.remaining() == 0) {
            throw new IOException("the decoder made no progress on a one-char read");
        }
        cbuf[off] = pair.get();
        if (pair.hasRemaining()) {
            heldLowSurrogate = pair.get();
        }
        return 1;
    }

    /**
     * {@code decoder.decode(bytes, out, eof)} for a charset in which every byte below 0x80 is that
     * ASCII character and never part of a longer sequence: runs of ASCII bytes are copied with
     * the JDK's vectorised Latin-1 inflation, and the decoder sees only the runs of other bytes
     * (each ends before an ASCII byte, so at a character boundary). JDK 17's UTF-8 decoder walks
     * every byte on its own; for a mostly-ASCII CSV it was half of the reading thread's time.
     */
    private CoderResult decodeMostlyAscii(CharBuffer out) {
        int limit = bytes.limit();
        for (;;) {
            copyAscii(out);
            if (!bytes.hasRemaining() || !out.hasRemaining()) {
                return decoder.decode(bytes, out, eof); // nothing left to decode: UNDERFLOW or OVERFLOW
            }
            byte[] src = bytes.array();
            int end = bytes.position();
            while (end < limit && src[bytes.arrayOffset() + end] < 0) {
                end++;
            }
            boolean last = end == limit;
            bytes.limit(end);
            CoderResult result;
            try {
                result = decoder.decode(bytes, out, eof && last);
            } finally {
                bytes.limit(limit);
            }
            if (result.isError() || result.isOverflow() || last) {
                return result;
            }
            if (bytes.position() < end) {
                // A sequence cut short by an ASCII byte: the decoder, shown the whole input, reports it.
                return decoder.decode(bytes, out, eof);
            }
        }
    }

    /** Copies the run of ASCII bytes at the input's position as chars (as many as fit). */
    private void copyAscii(CharBuffer out) {
        byte[] src = bytes.array();
        int sp = bytes.arrayOffset() + bytes.position();
        int n = Math.min(bytes.remaining(), out.remaining());
        int run = 0;
        while (run + 8 <= n && ((long) LONGS.get(src, sp + run) & 0x8080808080808080L) == 0) {
            run += 8;
        }
        while (run < n && src[sp + run] >= 0) {
            run++;
        }
        if (run == 0) {
            return;
        }
        new String(src, sp, run, StandardCharsets.ISO_8859_1)
                .getChars(0, run, out.array(), out.arrayOffset() + out.position());
        bytes.position(bytes.position() + run);
        out.position(out.position() + run);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Charsets in which every byte below 0x80 is the ASCII character and never part of a longer sequence. */
    private static final Set<String> ASCII_COMPATIBLE = Set.of("UTF-8", "US-ASCII", "ISO-8859-1", "windows-1252");

    private void refill() throws IOException {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private UndecodableInputException badBytes(int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        return new UndecodableInputException(bytesBeforeBuffer + bytes.position(), hex.toString(), decoder.charset());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes that are not valid in the file's encoding. */
    static final class UndecodableInputException extends IOException {
        private static final long serialVersionUID = 1L;
        final long byteOffset;
        final String hexBytes;
        final Charset charset;

        UndecodableInputException(long byteOffset, String hexBytes, Charset charset) {
            super("byte " + hexBytes + " at offset " + byteOffset + " is not valid " + charset.name());
            this.byteOffset = byteOffset;
            this.hexBytes = hexBytes;
            this.charset = charset;
        }

        /** The message a user sees, given where the bad bytes are. */
        String describe(String where) {
            return where + ": bytes " + hexBytes + " (offset " + byteOffset + ") are not valid " + charset.name()
                    + "; the file is probably in another encoding (e.g. windows-1252 / ISO-8859-1) - re-save it as "
                    + charset.name() + " or choose its encoding explicitly";
        }
    }
}
