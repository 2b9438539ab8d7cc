package org.featureworkbench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/**
 * Detects a CSV file's dialect from its first {@value #SAMPLE_BYTES} bytes (ADR 0006):
 * the encoding from a byte-order mark (UTF-8 otherwise, never guessed), the quote character,
 * the delimiter among {@code , ; tab |} that splits the sampled records most consistently into
 * more than one field, and backslash escapes when the sample uses them. Each part can be overridden.
 * Stateless and thread-safe.
 */
public final class CsvDialectDetector {
    static final int SAMPLE_BYTES = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private CsvDialectDetector() {
    }

    /**
     * @throws FeatureStoreException when the file is missing, empty or looks binary
     */
    public static DetectedDialect detect(Path file, CsvOptions overrides) {
        long size = SourceFiles.checkReadable(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
        List<String> notes = new ArrayList<>();
        Charset bomCharset = Boms.charsetOf(head);
        Charset charset = overrides.charset() != null ? overrides.charset()
                : bomCharset != null ? bomCharset : StandardCharsets.UTF_8;
        int bomBytes = bomCharset != null && bomCharset.equals(charset) ? Boms.length(bomCharset) : 0;
        if (bomCharset == null && overrides.charset() == null && looksBinary(head)) {
            throw new FeatureStoreException(file.getFileName() + " contains NUL bytes: it is binary, or UTF-16 without a "
                    + "byte-order mark; save it as UTF-8 CSV or choose its encoding explicitly");
        }
        boolean whole = size <= SAMPLE_BYTES;
        String text = decode(head, bomBytes, charset);

        char quote = overrides.quote() != null ? overrides.quote() : detectQuote(text);
        char delimiter = overrides.delimiter() != null ? overrides.delimiter()
                : detectDelimiter(text, quote, whole, notes);
        char escape = overrides.escape() != null ? overrides.escape() : detectEscape(text, quote, delimiter);
        CsvDialect dialect = new CsvDialect(delimiter, quote, escape, charset, bomBytes);
        if (overrides.delimiter() != null || overrides.quote() != null) {
            noteMismatch(SampleRecords.fieldCounts(text, delimiter, quote, escape, whole), delimiter, notes);
        }
        return new DetectedDialect(dialect, notes);
    }

    private static boolean looksBinary(byte[] head) {
        int nul = 0;
        for (byte b : head) {
            nul += b == 0 ? 1 : 0;
        }
        return nul > 0 && nul * 20 >= Math.min(head.length, 4096);
    }

    private static String decode(byte[] head, int skip, Charset charset) {
        try {
            // Only for counting delimiters: a bad byte here is reported by the reader with its line.
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(head, skip, head.length - skip)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a REPLACE decoder cannot fail", e);
        }
    }

    static char detectQuote(String text) {
        int doubleQuoted = SampleRecords.quotedFieldStarts(text, '"');
        int singleQuoted = SampleRecords.quotedFieldStarts(text, '\'');
        return singleQuoted > 0 && doubleQuoted == 0 ? '\'' : '"';
    }

    private static char detectDelimiter(String text, char quote, boolean whole, List<String> notes) {
        char best = ',';
        double bestScore = -1;
        List<Integer> bestCounts = List.of();
        for (char d : DELIMITERS) {
            List<Integer> counts = SampleRecords.fieldCounts(text, d, quote, quote, whole);
            int mode = SampleRecords.mode(counts);
            if (mode <= 1) {
                continue;
            }
            long agreeing = counts.stream().filter(c -> c == mode).count();
            // Consistency first; then a header that agrees with its rows; then more fields.
            double score = (double) agreeing / counts.size() * 1000 + (counts.get(0) == mode ? 100 : 0)
                    + Math.min(mode, 99);
            if (score > bestScore) {
                best = d;
                bestScore = score;
                bestCounts = counts;
            }
        }
        if (bestScore < 0) {
            notes.add("no delimiter among , ; tab | splits the header; the file is read as one column");
            return ',';
        }
        if (best != ',') {
            notes.add("delimiter " + CsvDialect.show(best) + " detected");
        }
        noteMismatch(bestCounts, best, notes);
        return best;
    }

    private static void noteMismatch(List<Integer> counts, char delimiter, List<String> notes) {
        if (counts.size() < 2) {
            return;
        }
        int header = counts.get(0);
        int mode = SampleRecords.mode(counts.subList(1, counts.size()));
        long off = counts.subList(1, counts.size()).stream().filter(c -> c != header).count();
        if (off > 0) {
            notes.add("with delimiter " + CsvDialect.show(delimiter) + " the header has " + header + " names but "
                    + off + " of the first " + (counts.size() - 1) + " rows have a different number of fields (mostly "
                    + mode + "); those rows will be rejected, never shifted - fix the header or the rows");
        }
    }

    static char detectEscape(String text, char quote, char delimiter) {
        if (quote == CsvDialect.NONE) {
            return CsvDialect.NONE;
        }
        // A backslash before a quote that does not end the value means backslash escaping ("a \"b\" c").
        for (int i = text.indexOf("\\" + quote); i >= 0; i = text.indexOf("\\" + quote, i + 1)) {
            int after = i + 2;
            if (after < text.length()) {
                char c = text.charAt(after);
                if (c != delimiter && c != '\n' && c != '\r') {
                    return '\\';
                }
            }
        }
        return quote;
    }
}
