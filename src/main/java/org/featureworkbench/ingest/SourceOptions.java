package org.featureworkbench.ingest;

/**
 * How to open a source file.
 *
 * @param format the format, or null to detect it from the extension ({@link SourceFormat#detect})
 * @param csv    CSV dialect overrides (ignored for other formats), never null
 */
public record SourceOptions(SourceFormat format, CsvOptions csv) {
    /** Detect everything. */
    public static final SourceOptions DETECT = new SourceOptions(null, CsvOptions.DETECT);

    public SourceOptions {
        csv = csv == null ? CsvOptions.DETECT : csv;
    }

    public SourceOptions withFormat(SourceFormat newFormat) {
        return new SourceOptions(newFormat, csv);
    }

    public SourceOptions withCsv(CsvOptions newCsv) {
        return new SourceOptions(format, newCsv);
    }
}
