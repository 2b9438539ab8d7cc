package org.featureworkbench.ui.ingest;

import org.featureworkbench.core.FileFormat;

/** The wizard's format dropdown: detect from the file, or one of the formats the facade reads. */
public enum FormatChoice {
    DETECT("Detect from the file", null),
    CSV("CSV (delimited text)", FileFormat.CSV),
    PARQUET("Parquet", FileFormat.PARQUET),
    JSONL("JSON Lines", FileFormat.JSONL);

    private final String label;
    private final FileFormat format;

    FormatChoice(String label, FileFormat format) {
        this.label = label;
        this.format = format;
    }

    /** The facade's format, or null to detect it. */
    public FileFormat format() {
        return format;
    }

    @Override
    public String toString() {
        return label;
    }
}
