package org.featureworkbench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/** The file formats a source can be read from. */
public enum SourceFormat {
    /** Delimited text with a header row (dialect detected, see {@link CsvDialectDetector}). */
    CSV,
    /** Apache Parquet, read through parquet-avro; primitive columns only. */
    PARQUET,
    /** JSON Lines: one flat JSON object per line. */
    JSONL;

    /**
     * The format a file's extension names ({@code .csv .tsv .txt}, {@code .parquet .pq},
     * {@code .jsonl .ndjson .json}); for any other extension the first bytes decide (Parquet's
     * {@code PAR1} magic, a leading <code>{</code> for JSON Lines, else CSV).
     *
     * @throws FeatureStoreException when the file cannot be opened to look at its first bytes
     */
    public static SourceFormat detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz") || name.endsWith(".zip") || name.endsWith(".bz2") || name.endsWith(".zst")) {
            throw new FeatureStoreException(file + " is compressed; decompress it first (gzip -d / unzip), then ingest the "
                    + "CSV, Parquet or JSON Lines file inside");
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return CSV;
        }
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return PARQUET;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        return sniff(file);
    }

    /**
     * Parses a user's choice ({@code csv}, {@code parquet}, {@code jsonl}; case-insensitive).
     *
     * @throws FeatureStoreException naming the valid formats
     */
    public static SourceFormat fromName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "csv", "tsv" -> {
                return CSV;
            }
            case "parquet" -> {
                return PARQUET;
            }
            case "jsonl", "ndjson", "json" -> {
                return JSONL;
            }
            default -> throw new FeatureStoreException("unknown format '" + name + "'; use csv, parquet or jsonl");
        }
    }

    private static SourceFormat sniff(Path file) {
        SourceFiles.checkReadable(file);
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            return PARQUET;
        }
        for (int i = 0; i < n; i++) {
            if (!Character.isWhitespace(head[i])) {
                return head[i] == '{' ? JSONL : CSV;
            }
        }
        return CSV;
    }

    /** The lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
