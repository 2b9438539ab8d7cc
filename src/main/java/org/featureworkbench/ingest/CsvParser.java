package org.featureworkbench.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.featureworkbench.model.FeatureStoreException;

/**
 * A streaming RFC 4180 tokenizer: quoted fields, doubled or escaped quotes, line breaks inside
 * quotes, CRLF / LF / CR line ends, any one-character delimiter.
 *
 * <p>The current record always sits contiguously in one char buffer (the buffer is compacted,
 * and grown up to {@link #MAX_ROW_CHARS}, when a record crosses its end), so fields are kept as
 * offsets and only become Strings when asked for, and the record's original text is one copy.
 * Lines are counted as they are consumed, so the line of any error is exact.
 *
 * <p>Lenient where common tools are (a quote inside an unquoted value is a literal character);
 * strict where guessing would shift values (text after a closing quote marks the record bad).
 * Not thread-safe.
 */
final class CsvParser {
    /** A record longer than this (in chars) is treated as a structural error of the file. */
    static final int MAX_ROW_CHARS = 8 * 1024 * 1024;

    private final Reader in;
    private final String label;
    private final char delimiter;
    private final char quote;
    private final char escape;
    private final boolean hasQuote;
    private char[] buf = new char[64 * 1024];
    private int pos;
    private int limit;
    private int rowStart;
    private boolean eof;
    private long line = 1;

    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private boolean[] escaped = new boolean[16];
    private int fieldCount;
    private int rowEnd;
    private long rowLine;
    private long quoteOpenLine = -1;
    private String problem;

    CsvParser(Reader in, CsvDialect dialect, String label) {
        this.in = in;
        this.label = label;
        this.delimiter = dialect.delimiter();
        this.quote = dialect.quote();
        this.escape = dialect.escape();
        this.hasQuote = dialect.quote() != CsvDialect.NONE;
    }

    /**
     * Reads the next record, skipping empty lines.
     *
     * @return false at the end of the input
     * @throws FeatureStoreException for a quote that never closes or a record past {@link #MAX_ROW_CHARS}
     * @throws StrictDecodingReader.UndecodableInputException at the first undecodable byte
     */
    boolean next() throws IOException {
        fieldCount = 0;
        problem = null;
        rowStart = pos;
        for (;;) {
            if (!ensure(0)) {
                return false;
            }
            char c = buf[pos];
            if (c != '\n' && c != '\r') {
                break;
            }
            consumeLineBreak();
            rowStart = pos;
        }
        rowLine = line;
        while (readField()) {
            // each call reads one field; true means a delimiter followed it
        }
        return true;
    }

    private boolean readField() throws IOException {
        if (hasQuote && buf[pos] == quote) {
            return readQuoted();
        }
        return readUnquoted(pos - rowStart);
    }

    private boolean readUnquoted(int start) throws IOException {
        for (;;) {
            char[] b = buf;
            int p = pos;
            int lim = limit;
            char d = delimiter;
            while (p < lim) {
                char c = b[p];
                if (c == d || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            pos = p;
            if (p < lim) {
                break;
            }
            if (!fill()) {
                addField(start, pos - rowStart, false, false);
                rowEnd = pos - rowStart;
                return false;
            }
        }
        return endField(start, pos - rowStart, false, false);
    }

    private boolean readQuoted() throws IOException {
        quoteOpenLine = line;
        pos++;
        int contentStart = pos - rowStart;
        boolean hasEscapes = false;
        for (;;) {
            if (!ensure(0)) {
                throw unterminated();
            }
            char c = buf[pos];
            if (c == quote) {
                if (escape == quote && ensure(1) && buf[pos + 1] == quote) {
                    pos += 2;
                    hasEscapes = true;
                    continue;
                }
                break;
            }
            if (c == escape) {
                if (!ensure(1)) {
                    throw unterminated();
                }
                pos++;
                hasEscapes = true;
                c = buf[pos];
            }
            countBreakInside(c);
            pos++;
        }
        int contentEnd = pos - rowStart;
        pos++;
        quoteOpenLine = -1;
        if (!ensure(0)) {
            addField(contentStart, contentEnd, true, hasEscapes);
            rowEnd = pos - rowStart;
            return false;
        }
        char after = buf[pos];
        if (after == delimiter || after == '\n' || after == '\r') {
            return endField(contentStart, contentEnd, true, hasEscapes);
        }
        if (problem == null) {
            problem = "column " + (fieldCount + 1) + " has text after its closing quote; quote the whole value"
                    + (escape == quote ? " and double every quote inside it (\"\" stands for \")" : "");
        }
        return readUnquoted(contentStart - 1);
    }

    private void countBreakInside(char c) throws IOException {
        // CRLF inside a quoted value is one line break: count it at the LF.
        if (c == '\n' || c == '\r' && !(ensure(1) && buf[pos + 1] == '\n')) {
            line++;
        }
    }

    private boolean endField(int start, int end, boolean isQuoted, boolean hasEscapes) throws IOException {
        addField(start, end, isQuoted, hasEscapes);
        if (buf[pos] == delimiter) {
            pos++;
            if (!ensure(0)) {
                // "a,b," ends with an empty last field
                addField(pos - rowStart, pos - rowStart, false, false);
                rowEnd = pos - rowStart;
                return false;
            }
            return true;
        }
        rowEnd = pos - rowStart;
        consumeLineBreak();
        return false;
    }

    private void consumeLineBreak() throws IOException {
        char c = buf[pos++];
        if (c == '\r' && ensure(0) && buf[pos] == '\n') {
            pos++;
        }
        line++;
    }

    private void addField(int start, int end, boolean isQuoted, boolean hasEscapes) {
        if (fieldCount == starts.length) {
            int n = fieldCount * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            quoted = Arrays.copyOf(quoted, n);
            escaped = Arrays.copyOf(escaped, n);
        }
        starts[fieldCount] = start;
        ends[fieldCount] = end;
        quoted[fieldCount] = isQuoted;
        escaped[fieldCount] = hasEscapes;
        fieldCount++;
    }

    /** True when at least {@code ahead + 1} chars are available from {@code pos}. */
    private boolean ensure(int ahead) throws IOException {
        while (limit - pos <= ahead) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (rowStart > 0) {
            int keep = limit - rowStart;
            System.arraycopy(buf, rowStart, buf, 0, keep);
            pos -= rowStart;
            limit = keep;
            rowStart = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_ROW_CHARS) {
                throw tooLong();
            }
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_ROW_CHARS));
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private FeatureStoreException unterminated() {
        return new FeatureStoreException(label + ":" + quoteOpenLine + ": a quoted value opened on this line is never "
                + "closed (the file ends inside it); add the closing quote"
                + (escape == quote ? ", and double every quote inside a quoted value (\"\" stands for \")" : ""));
    }

    private FeatureStoreException tooLong() {
        if (quoteOpenLine > 0) {
            return new FeatureStoreException(label + ":" + quoteOpenLine + ": a quoted value opened on this line runs "
                    + "on for more than " + MAX_ROW_CHARS + " characters; its closing quote is probably missing");
        }
        return new FeatureStoreException(label + ":" + rowLine + ": the row starting here is longer than "
                + MAX_ROW_CHARS + " characters; check the delimiter and the line breaks");
    }

    int fieldCount() {
        return fieldCount;
    }

    long rowLine() {
        return rowLine;
    }

    /** The line the parser has reached (the line of the next unread character). */
    long currentLine() {
        return line;
    }

    String problem() {
        return problem;
    }

    int fieldLength(int i) {
        return ends[i] - starts[i];
    }

    /** Field {@code i}: null for an unquoted empty field, "" for a quoted empty one. */
    String field(int i) {
        int s = rowStart + starts[i];
        int e = rowStart + ends[i];
        if (s == e) {
            return quoted[i] ? "" : null;
        }
        if (!escaped[i]) {
            return new String(buf, s, e - s);
        }
        StringBuilder sb = new StringBuilder(e - s);
        for (int k = s; k < e; k++) {
            char c = buf[k];
            if (c == escape && k + 1 < e) {
                c = buf[++k];
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Where the current record's fields lie in {@link #rawText()}, packed as {@link CsvCells} does. */
    int[] cells() {
        return CsvCells.of(fieldCount, starts, ends, quoted, escaped);
    }

    char escape() {
        return escape;
    }

    /** The record as written, without its line break. */
    String rawText() {
        return new String(buf, rowStart, rowEnd);
    }
}
