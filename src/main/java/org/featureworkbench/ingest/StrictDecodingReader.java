package org.featureworkbench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

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

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        for (;;) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                pending = badBytes(result.length());
                if (out.position() > off) {
                    return out.position() - off;
                }
                throw pending;
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
