package org.featureworkbench.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.ingest.Columns;
import org.featureworkbench.ingest.CsvDialect;
import org.featureworkbench.ingest.CsvSourceReader;
import org.featureworkbench.ingest.InferenceOptions;
import org.featureworkbench.ingest.InferredSchema;
import org.featureworkbench.ingest.SchemaInference;
import org.featureworkbench.ingest.SourceOptions;
import org.featureworkbench.ingest.SourceReader;
import org.featureworkbench.ingest.SourceReaders;
import org.featureworkbench.ingest.SourceRow;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;

/**
 * Reads the first records of a file with the ingest's own readers and types its columns with the
 * ingest's own inference, so what a preview shows is what an ingest will do. Stateless.
 */
final class FilePreviewer {
    private FilePreviewer() {
    }

    static FilePreview preview(Path file, FileOptions options, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
        }
        SourceOptions source = IngestSources.sourceOptions(options == null ? FileOptions.DETECT : options);
        List<FilePreview.Row> rows = new ArrayList<>();
        List<FilePreview.Problem> problems = new ArrayList<>();
        try (SourceReader reader = SourceReaders.open(file, source)) {
            List<SourceRow> read = new ArrayList<>();
            for (SourceRow row; read.size() < maxRows && (row = reader.next()) != null; ) {
                read.add(row);
            }
            List<String> notes = new ArrayList<>(reader.notes());
            boolean more = read.size() == maxRows && hasMore(reader, notes);
            // A JSON Lines reader may have discovered columns while reading: the header is known only now.
            Columns header = reader.header();
            for (SourceRow row : read) {
                if (row.isRejected()) {
                    problems.add(new FilePreview.Problem(row.line(), row.problem(), row.originalText()));
                } else {
                    List<String> values = new ArrayList<>(header.size());
                    for (int i = 0; i < header.size(); i++) {
                        values.add(row.value(i));
                    }
                    rows.add(new FilePreview.Row(row.line(), values));
                }
            }
            Map<String, FeatureType> types = rows.isEmpty() ? Map.of() : types(file, source, maxRows);
            List<FilePreview.Column> columns = header.names().stream()
                    .map(n -> new FilePreview.Column(n, types.getOrDefault(n, FeatureType.STRING))).toList();
            return build(file, reader, columns, rows, problems, more, notes);
        }
    }

    /** Whether a record follows; a file-level error there does not spoil the preview but is noted. */
    private static boolean hasMore(SourceReader reader, List<String> notes) {
        try {
            return reader.next() != null;
        } catch (FeatureStoreException e) {
            notes.add("reading on after these rows fails, and an ingest would stop there: " + e.getMessage());
            return true;
        }
    }

    /** The inferred type of each column over the same records (inference counts unreadable ones too). */
    private static Map<String, FeatureType> types(Path file, SourceOptions source, int maxRows) {
        InferredSchema schema = SchemaInference.infer(file, source, new InferenceOptions(null, maxRows, null, null, false));
        Map<String, FeatureType> types = new HashMap<>();
        for (InferredSchema.ColumnProfile c : schema.columns()) {
            types.put(c.column(), c.type());
        }
        return types;
    }

    private static FilePreview build(Path file, SourceReader reader, List<FilePreview.Column> columns,
                                     List<FilePreview.Row> rows, List<FilePreview.Problem> problems, boolean more,
                                     List<String> notes) {
        return switch (reader.format()) {
            case CSV -> {
                CsvDialect d = ((CsvSourceReader) reader).dialect();
                yield new FilePreview(FileFormat.CSV, d.delimiter(), d.quote() == CsvDialect.NONE ? null : d.quote(),
                        d.charset().name(), d.bomBytes() > 0, columns, rows, problems, more, notes);
            }
            case JSONL -> new FilePreview(FileFormat.JSONL, null, null, StandardCharsets.UTF_8.name(), hasUtf8Bom(file),
                    columns, rows, problems, more, notes);
            case PARQUET -> new FilePreview(FileFormat.PARQUET, null, null, null, false, columns, rows, problems,
                    more, notes);
        };
    }

    private static boolean hasUtf8Bom(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
