package org.featureworkbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's ASCII fast path against the JDK's own decoding: the same characters for any mix of
 * ASCII and multi-byte text, wherever the 64 kB input buffer and the caller's char buffer happen
 * to cut it, and the same offset for a bad byte.
 */
class StrictDecodingReaderTest {

    /** Text with long ASCII runs, short ones, 2-, 3- and 4-byte characters, and runs of several of them. */
    private static String mixedText(long seed, int chars) {
        Random random = new Random(seed);
        String[] pieces = {"a", "plain,ascii,row\n", "São Paulo", "€", "日本語", "😀", "é", "x".repeat(300), "ÄÖÜ", "\r\n"};
        StringBuilder b = new StringBuilder();
        while (b.length() < chars) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    /** Reads everything with reads of varying sizes (1 to 70,000 chars), as CsvParser's fills vary. */
    private static String readAll(StrictDecodingReader reader, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[70_000];
        for (;;) {
            int off = random.nextInt(8);
            int len = 1 + random.nextInt(random.nextBoolean() ? 16 : buffer.length - off - 1);
            int n = reader.read(buffer, off, len);
            if (n < 0) {
                return out.toString();
            }
            assertTrue(n > 0 && n <= len, "read returned " + n + " for " + len);
            out.append(buffer, off, n);
        }
    }

    /** An input stream that hands out at most a few bytes per read, so buffer refills cut sequences. */
    private static InputStream trickling(byte[] bytes, long seed) {
        Random random = new Random(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 3 : 5000)));
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-8859-1", "windows-1252", "UTF-16LE"})
    void decodesExactlyWhatTheJdkDecodes(String name) throws IOException {
        Charset charset = Charset.forName(name);
        for (long seed = 1; seed <= 40; seed++) {
            String text = mixedText(seed, 150_000);
            byte[] bytes = text.getBytes(charset);
            String expected = new String(bytes, charset); // unmappable chars already became '?' in getBytes
            String whole = readAll(new StrictDecodingReader(new ByteArrayInputStream(bytes), charset), seed);
            assertEquals(expected, whole, name + " seed " + seed);
            String trickled = readAll(new StrictDecodingReader(trickling(bytes, seed), charset), seed + 1000);
            assertEquals(expected, trickled, name + " seed " + seed + ", trickled");
        }
    }

    @Test
    void aBadByteAnywhereIsReportedAtItsOffsetAfterEveryGoodCharBeforeIt() throws IOException {
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            byte[] good = mixedText(seed, 20_000).getBytes(StandardCharsets.UTF_8);
            // A lone continuation byte, a lead byte cut short by ASCII, or an invalid byte.
            byte[] bad = new byte[][] {{(byte) 0x80}, {(byte) 0xC3, 'a'}, {(byte) 0xE2, (byte) 0x82, ','},
                    {(byte) 0xFF}}[random.nextInt(4)];
            // Insert at an ASCII boundary so the prefix is valid on its own.
            int at = random.nextInt(good.length);
            while (at > 0 && good[at] < 0) {
                at--;
            }
            byte[] bytes = new byte[good.length + bad.length];
            System.arraycopy(good, 0, bytes, 0, at);
            System.arraycopy(bad, 0, bytes, at, bad.length);
            System.arraycopy(good, at, bytes, at + bad.length, good.length - at);
            String prefix = new String(bytes, 0, at, StandardCharsets.UTF_8);

            StrictDecodingReader reader = new StrictDecodingReader(trickling(bytes, seed), StandardCharsets.UTF_8);
            StringBuilder read = new StringBuilder();
            char[] buffer = new char[1 + random.nextInt(9000)];
            StrictDecodingReader.UndecodableInputException e = assertThrows(
                    StrictDecodingReader.UndecodableInputException.class, () -> {
                        for (int n = reader.read(buffer, 0, buffer.length); n >= 0;
                             n = reader.read(buffer, 0, buffer.length)) {
                            read.append(buffer, 0, n);
                        }
                    }, "seed " + seed);
            assertEquals(prefix, read.toString(), "seed " + seed + ": every char before the bad byte first");
            assertEquals(at, e.byteOffset, "seed " + seed);
        }
    }

    @Test
    void aSequenceCutByTheEndOfTheFileIsReported() {
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        cut[bytes.length] = (byte) 0xE2; // first byte of a 3-byte sequence, then end of file
        StrictDecodingReader reader = new StrictDecodingReader(new ByteArrayInputStream(cut), StandardCharsets.UTF_8);
        char[] buffer = new char[16];
        StrictDecodingReader.UndecodableInputException e = assertThrows(
                StrictDecodingReader.UndecodableInputException.class, () -> {
                    while (reader.read(buffer, 0, buffer.length) >= 0) {
                        // read on until the end
                    }
                });
        assertEquals(3, e.byteOffset);
    }
}
