package org.featureworkbench.core;

import java.util.Locale;
import org.featureworkbench.model.ValidationException;

/** The file formats an ingest reads (docs/ingest.md describes each). */
public enum FileFormat {
    /** Delimited text with a header row; dialect detected unless overridden. */
    CSV,
    /** Apache Parquet, primitive columns only. */
    PARQUET,
    /** JSON Lines: one flat JSON object per line. */
    JSONL;

    /**
     * Parses a user's choice: {@code csv} (or {@code tsv}), {@code parquet}, {@code jsonl} (or
     * {@code ndjson}, {@code json}); case-insensitive.
     *
     * @throws ValidationException (field {@code format}) naming the valid formats
     */
    public static FileFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "csv", "tsv" -> CSV;
            case "parquet" -> PARQUET;
            case "jsonl", "ndjson", "json" -> JSONL;
            default -> throw new ValidationException("format", "unknown format '" + name + "'; use csv, parquet or jsonl");
        };
    }

    /** The lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
