package org.featureworkbench.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Finds a base CSV row by a field's value and says which line it is on, as an editor numbers them
 * (the header is line 1). DuckDB reports no positions for CSV rows, and its order of rows is not
 * the file's (the query database does not preserve insertion order), so the file is read again
 * here, counting records as DuckDB does: blank lines are skipped and a quoted field may span
 * lines, so a record's line is the one it starts on. Only for error messages, and only up to the
 * row sought.
 */
final class CsvLines {
    private static final String DELIMITERS = ",;\t|";

    private final Reader in;
    private final char delimiter;
    private int line = 1;
    private int start = 1;
    private int pushedBack = -1;

    private CsvLines(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /**
     * The line of the first record whose value in {@code column} matches; empty when none does, the
     * header does not name the column (with any usual delimiter) or the file cannot be read.
     */
    static OptionalInt firstWhere(Path file, String column, Predicate<String> matches) {
        try (Reader reader = open(file)) {
            String header = firstLine(reader);
            if (header == null) {
                return OptionalInt.empty();
            }
            // DuckDB sniffed the delimiter; the one whose split of the header names the column is it.
            for (char d : DELIMITERS.toCharArray()) {
                List<String> names = new CsvLines(new StringReader(header.replace("\uFEFF", "")), d).next();
                int at = names == null ? -1 : indexOf(names, column);
                if (at >= 0) {
                    CsvLines rows = new CsvLines(reader, d);
                    rows.line = 2;
                    return rows.find(at, matches);
                }
            }
            return OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // the line is a courtesy; the message stands without it
        }
    }

    private static Reader open(Path file) throws IOException {
        // A file that is not UTF-8 is still searched: the fields that matter here are ASCII.
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    private static String firstLine(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            text.append((char) c);
        }
        return c == -1 && text.isEmpty() ? null : text.toString().replace("\r", "");
    }

    private static int indexOf(List<String> names, String column) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).strip().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    private OptionalInt find(int column, Predicate<String> matches) throws IOException {
        for (List<String> fields = next(); fields != null; fields = next()) {
            if (matches.test(column < fields.size() ? fields.get(column) : "")) {
                return OptionalInt.of(start);
            }
        }
        return OptionalInt.empty();
    }

    /** The next record's fields, unquoted; null at the end. Sets {@link #start} to its first line. */
    private List<String> next() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean touched = false; // the field has text, or had quotes: a quote now is text, as DuckDB reads it
        boolean any = false;
        start = line;
        int c;
        while ((c = read()) != -1) {
            if (quoted) {
                if (c != '"') {
                    line += c == '\n' ? 1 : 0;
                    field.append((char) c);
                    continue;
                }
                int after = read();
                if (after == '"') {
                    field.append('"'); // "" inside quotes is one quote
                    continue;
                }
                quoted = false;
                if (after == -1) {
                    break;
                }
                c = after;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n' && after != -1) {
                        pushedBack = after;
                    }
                }
                line++;
                if (!any) {
                    start = line; // a blank line: DuckDB skips it
                    continue;
                }
                fields.add(field.toString());
                return fields;
            }
            any = true;
            if (c == '"' && !touched) {
                quoted = true;
                touched = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                touched = false;
            } else {
                field.append((char) c);
                touched = true;
            }
        }
        if (quoted) {
            // The file ends inside quotes: the lines counted so far cannot be trusted.
            throw new IOException("the file ends inside a quoted field");
        }
        if (!any) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    private int read() throws IOException {
        if (pushedBack >= 0) {
            int c = pushedBack;
            pushedBack = -1;
            return c;
        }
        return in.read();
    }
}
