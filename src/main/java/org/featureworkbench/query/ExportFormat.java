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

    /** Extensions of formats the stores do not write: a file named so would hold CSV under a false name. */
    private static final java.util.Set<String> OTHER_FORMATS = java.util.Set.of("json", "jsonl", "ndjson", "tsv",
            "xlsx", "xls", "arrow", "feather", "orc", "avro");

    /**
     * The format of an output file: the one asked for, else the one its extension names (CSV when it
     * names none). A request the file name contradicts (--format csv for y.parquet), or a name of a
     * format not written (x.json), is refused rather than writing one format under another's name.
     *
     * @param requested   the format given, or null
     * @param out         the file, or null when the front end names it
     */
    public static ExportFormat choose(String requested, Path out, String formatField, String outField) {
        String extension = out == null ? "" : extension(out);
        if (OTHER_FORMATS.contains(extension)) {
            throw new org.featureworkbench.model.ValidationException(outField, out.getFileName() + ": ." + extension
                    + " files are not written here; results are CSV or Parquet, so name the file .csv or .parquet");
        }
        ExportFormat named = extension.equals("parquet") || extension.equals("pq") ? PARQUET
                : extension.equals("csv") ? CSV : null;
        if (requested == null) {
            return named == null ? CSV : named;
        }
        ExportFormat chosen = parse(requested, formatField);
        if (named != null && named != chosen) {
            throw new org.featureworkbench.model.ValidationException(formatField, requested.strip() + " contradicts the "
                    + "file name " + out.getFileName() + "; leave the format out (the extension chooses) or name the "
                    + "file ." + chosen.extension());
        }
        return chosen;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
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
