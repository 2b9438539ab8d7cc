package org.featureworkbench.query;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats an export writes. */
public enum ExportFormat {
    CSV("csv", "(FORMAT CSV, HEADER true)"),
    PARQUET("parquet", "(FORMAT PARQUET, COMPRESSION ZSTD)");

    private final String extension;
    private final String copyOptions;

    ExportFormat(String extension, String copyOptions) {
        this.extension = extension;
        this.copyOptions = copyOptions;
    }

    public String extension() {
        return extension;
    }

    String copyOptions() {
        return copyOptions;
    }

    /** The format a file name's extension implies, CSV when it says nothing. */
    public static ExportFormat forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".pq") ? PARQUET : CSV;
    }

    /** Parses {@code csv} or {@code parquet} (any case). */
    public static ExportFormat parse(String text, String field) {
        for (ExportFormat f : values()) {
            if (f.extension.equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new org.featureworkbench.model.ValidationException(field,
                "'" + text + "' is not an export format; use csv or parquet");
    }
}
