package org.featureworkbench.ingest;

import java.nio.charset.Charset;

/**
 * What a user overrides of the detected CSV dialect; each null field is detected.
 *
 * @param delimiter field separator, or null to detect among {@code , ; tab |}
 * @param quote     quote character ({@link CsvDialect#NONE} for none), or null to detect
 * @param escape    escape character inside quotes (the quote itself for doubling), or null to detect
 * @param charset   encoding, or null for UTF-8 / UTF-16 by byte-order mark
 */
public record CsvOptions(Character delimiter, Character quote, Character escape, Charset charset) {
    /** Detect everything. */
    public static final CsvOptions DETECT = new CsvOptions(null, null, null, null);

    public CsvOptions withDelimiter(Character newDelimiter) {
        return new CsvOptions(newDelimiter, quote, escape, charset);
    }

    public CsvOptions withCharset(Charset newCharset) {
        return new CsvOptions(delimiter, quote, escape, newCharset);
    }

    /**
     * Parses a command-line delimiter: one character, or {@code tab}, {@code \t}, {@code comma},
     * {@code semicolon}, {@code pipe}.
     */
    public static char parseDelimiter(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no delimiter given");
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "tab", "\\t", "\t" -> {
                return '\t';
            }
            case "comma" -> {
                return ',';
            }
            case "semicolon" -> {
                return ';';
            }
            case "pipe" -> {
                return '|';
            }
            default -> {
                if (text.length() != 1) {
                    throw new org.featureworkbench.model.FeatureStoreException("delimiter '" + text
                            + "' is not one character; write e.g. ',' ';' '|' or 'tab'");
                }
                return text.charAt(0);
            }
        }
    }
}
