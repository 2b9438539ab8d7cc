package org.featureworkbench.ingest;

import java.nio.file.Path;

/** Opens the right {@link SourceReader} for a file. Stateless and thread-safe. */
public final class SourceReaders {
    private SourceReaders() {
    }

    /**
     * Opens {@code file} in the format the options name, or the one detected from the file; a CSV
     * dialect is detected and the options' overrides applied.
     *
     * @throws org.featureworkbench.model.FeatureStoreException on a file-level problem (missing,
     *         directory, empty, unreadable header, ...)
     */
    public static SourceReader open(Path file, SourceOptions options) {
        SourceFiles.checkReadable(file);
        SourceFormat format = options.format() != null ? options.format() : SourceFormat.detect(file);
        FileSignature.check(file, format, options.format() != null);
        return switch (format) {
            case CSV -> {
                DetectedDialect detected = CsvDialectDetector.detect(file, options.csv());
                yield new CsvSourceReader(file, detected.dialect(), detected.notes());
            }
            case JSONL -> new JsonLinesSourceReader(file);
            case PARQUET -> new ParquetSourceReader(file);
        };
    }
}
