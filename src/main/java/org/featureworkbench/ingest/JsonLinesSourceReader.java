package org.featureworkbench.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.featureworkbench.json.JsonErrorText;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/**
 * Reads JSON Lines: each non-blank line one flat JSON object. The header is the keys of the
 * first {@value #PRESCAN_LINES} lines in order of first appearance; a key first seen later adds a
 * column (rows after it carry the longer {@link Columns}). Strings are taken as they are, numbers
 * as written ({@code 1.50} stays {@code 1.50}), booleans as {@code true}/{@code false}, {@code null}
 * as missing. A line that is not a flat object is a rejected row.
 */
public final class JsonLinesSourceReader implements SourceReader {
    static final int PRESCAN_LINES = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final String label;
    private final long totalBytes;
    private final CountingInputStream counting;
    private final BufferedReader lines;
    private Columns columns;
    private long lineNumber;
    /** Lines that began as a JSON object, and the first non-blank line: to tell a file that is not JSON Lines at all. */
    private long objectLines;
    private String firstLine;
    private long firstLineNumber;
    private final List<String> notes = new ArrayList<>();

    /**
     * Opens the file (reading its first lines twice: once for the header).
     *
     * @throws FeatureStoreException when the file is missing, empty or not UTF-8
     */
    public JsonLinesSourceReader(Path file) {
        this(file, prescan(file));
    }

    private JsonLinesSourceReader(Path file, Columns initial) {
        this.file = file;
        this.label = file.getFileName().toString();
        this.totalBytes = SourceFiles.checkReadable(file);
        this.columns = initial;
        try {
            InputStream raw = Files.newInputStream(file);
            counting = new CountingInputStream(raw);
            counting.skipNBytes(hasUtf8Bom(file) ? 3 : 0);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
        lines = new BufferedReader(new StrictDecodingReader(counting, StandardCharsets.UTF_8), 64 * 1024);
    }

    private static Columns prescan(Path file) {
        try (JsonLinesSourceReader scan = new JsonLinesSourceReader(file, new Columns(List.of()))) {
            int read = 0;
            while (read < PRESCAN_LINES && scan.next() != null) {
                read++;
            }
            if (read > 0 && scan.objectLines == 0) {
                // Without this, a CSV read as JSON Lines got "the file has no column for the record identifier".
                throw new FeatureStoreException(scan.label + " is not JSON Lines: none of its first " + read
                        + (read == 1 ? " line" : " lines") + " is a JSON object (line " + scan.firstLineNumber
                        + " begins '" + abbreviate(scan.firstLine) + "'); each line must be one {...} object"
                        + " - if the file is CSV, pass --format csv");
            }
            return scan.columns;
        }
    }

    private static String abbreviate(String line) {
        String s = line.strip();
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    @Override
    public SourceRow next() {
        String line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        return parse(line);
    }

    private String readLine() {
        try {
            String line = lines.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (StrictDecodingReader.UndecodableInputException e) {
            throw new FeatureStoreException(e.describe(label + ":" + (lineNumber + 1)), e);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
    }

    private SourceRow parse(String line) {
        String[] values = new String[columns.size()];
        if (firstLine == null) {
            firstLine = line;
            firstLineNumber = lineNumber;
        }
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return reject(line, "not a JSON object; JSON Lines needs one {...} object per line");
            }
            objectLines++;
            boolean[] seen = new boolean[values.length];
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken valueToken = p.nextToken();
                if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
                    return reject(line, "key '" + key + "' holds a nested " + (valueToken == JsonToken.START_OBJECT
                            ? "object" : "array") + "; only flat values can be ingested - flatten it into separate keys");
                }
                String value = valueToken == JsonToken.VALUE_NULL ? null : p.getText();
                String tooLong = value == null ? null : SourceLimits.tooLong(key, value.length());
                if (tooLong != null) {
                    return reject(line, tooLong);
                }
                int index = columns.exactIndexOf(key);
                if (index < 0) {
                    columns = columns.plus(key);
                    index = columns.size() - 1;
                    notes.add("key '" + key + "' first appears on line " + lineNumber);
                }
                if (index >= values.length) {
                    values = Arrays.copyOf(values, columns.size());
                    seen = Arrays.copyOf(seen, columns.size());
                }
                if (seen[index]) {
                    return reject(line, "key '" + key + "' appears twice; keep one");
                }
                seen[index] = true;
                values[index] = value;
            }
            if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
                return reject(line, "text after the JSON object; put one object per line");
            }
        } catch (JsonProcessingException e) {
            return reject(line, "not valid JSON: " + JsonErrorText.plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new FeatureStoreException("cannot parse " + file + ": " + IoProblems.reason(e), e);
        }
        if (values.length < columns.size()) {
            values = Arrays.copyOf(values, columns.size());
        }
        return new SourceRow(lineNumber, line, columns, values, null);
    }

    private SourceRow reject(String line, String why) {
        return SourceRow.rejected(lineNumber, line, columns, "line " + lineNumber + ": " + why);
    }

    private static boolean hasUtf8Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return StandardCharsets.UTF_8.equals(Boms.charsetOf(in.readNBytes(3)));
        }
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.JSONL;
    }

    @Override
    public Columns header() {
        return columns;
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            // Read-only stream: nothing is lost when closing fails.
        }
    }
}
