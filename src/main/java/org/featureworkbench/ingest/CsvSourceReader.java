package org.featureworkbench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/**
 * Reads a delimited text file with a header row. The first non-empty record names the columns;
 * a header with no rows after it is a valid, empty source (see ADR 0006).
 */
public final class CsvSourceReader implements SourceReader {
    private final Path file;
    private final String label;
    private final CsvDialect dialect;
    private final long totalBytes;
    private final CountingInputStream counting;
    private final CsvParser parser;
    private final Columns header;
    private final List<String> notes = new ArrayList<>();

    /**
     * Opens the file and reads its header.
     *
     * @throws FeatureStoreException when the file is missing, empty, undecodable, or its header is unusable
     */
    public CsvSourceReader(Path file, CsvDialect dialect) {
        this(file, dialect, List.of());
    }

    /** As {@link #CsvSourceReader(Path, CsvDialect)}, starting {@link #notes()} with the detector's notes. */
    public CsvSourceReader(Path file, CsvDialect dialect, List<String> detectionNotes) {
        notes.addAll(detectionNotes);
        this.file = file;
        this.label = file.getFileName().toString();
        this.dialect = dialect;
        this.totalBytes = SourceFiles.checkReadable(file);
        try {
            InputStream raw = Files.newInputStream(file);
            counting = new CountingInputStream(raw);
            counting.skipNBytes(dialect.bomBytes());
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
        parser = new CsvParser(new StrictDecodingReader(counting, dialect.charset()), dialect, label);
        try {
            header = readHeader();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Columns readHeader() {
        if (!advance()) {
            throw new FeatureStoreException(label + " has no header row (it holds only blank lines"
                    + (dialect.bomBytes() > 0 ? " after its byte-order mark" : "")
                    + "); the first line must name the columns");
        }
        if (parser.problem() != null) {
            throw new FeatureStoreException(label + ":" + parser.rowLine() + ": the header row is malformed: "
                    + parser.problem());
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < parser.fieldCount(); i++) {
            String raw = parser.field(i);
            String name = raw == null ? "" : raw.strip();
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
                notes.add("column " + (i + 1) + " has no name in the header; it is called '" + name + "'");
            }
            Integer earlier = seen.putIfAbsent(Columns.fold(name), i);
            if (earlier != null) {
                throw new FeatureStoreException(label + ":" + parser.rowLine() + ": the header names column "
                        + (earlier + 1) + " '" + names.get(earlier) + "' and column " + (i + 1) + " '" + name
                        + "' alike (names are matched ignoring case); rename one of them");
            }
            names.add(name);
        }
        return new Columns(names);
    }

    @Override
    public SourceRow next() {
        if (!advance()) {
            return null;
        }
        long line = parser.rowLine();
        String original = parser.rawText();
        if (parser.problem() != null) {
            return SourceRow.rejected(line, original, header, "line " + line + ": " + parser.problem());
        }
        int count = parser.fieldCount();
        if (count != header.size()) {
            return SourceRow.rejected(line, original, header, "line " + line + " has " + count + " field"
                    + (count == 1 ? "" : "s") + " but the header has " + header.size() + " names — values would shift;"
                    + " fix the header or the row");
        }
        for (int i = 0; i < count; i++) {
            int length = parser.fieldLength(i);
            if (length > SourceLimits.MAX_VALUE_CHARS) {
                return SourceRow.rejected(line, original, header, "line " + line + ": "
                        + SourceLimits.tooLong(header.name(i), length));
            }
        }
        // The values are cut from the original text when the mapping asks for them (SourceRow).
        return SourceRow.csv(line, original, header, parser.cells(), parser.escape());
    }

    private boolean advance() {
        try {
            return parser.next();
        } catch (StrictDecodingReader.UndecodableInputException e) {
            throw new FeatureStoreException(e.describe(label + ":" + parser.currentLine()), e);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
    }

    /** The dialect the file is read with. */
    public CsvDialect dialect() {
        return dialect;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.CSV;
    }

    @Override
    public Columns header() {
        return header;
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
            counting.close();
        } catch (IOException e) {
            // Nothing was written through this stream, so a failing close loses nothing.
        }
    }
}
