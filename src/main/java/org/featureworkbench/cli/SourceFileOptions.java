package org.featureworkbench.cli;

import org.featureworkbench.core.FileFormat;
import org.featureworkbench.core.FileOptions;
import picocli.CommandLine.Option;

/** {@code --format}, {@code --delimiter}, {@code --encoding}: how to read a source file (ingest, infer). */
final class SourceFileOptions {
    @Option(names = "--format", paramLabel = "csv|parquet|jsonl",
            description = "File format (default: from the extension, else the content).")
    String format;

    @Option(names = "--delimiter", paramLabel = "X",
            description = "CSV delimiter: one character, or tab, comma, semicolon, pipe (default: detected).")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "E",
            description = "CSV encoding, e.g. UTF-8, ISO-8859-1, windows-1252 (default: UTF-8, or UTF-16 by BOM).")
    String encoding;

    /** The options as the facade takes them; throws with a message naming the bad value. */
    FileOptions toFileOptions() {
        return new FileOptions(format == null ? null : FileFormat.parse(format),
                delimiter == null ? null : FileOptions.parseDelimiter(delimiter),
                encoding == null ? null : FileOptions.parseEncoding(encoding));
    }
}
