package org.featureworkbench.core;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.featureworkbench.ingest.CsvOptions;
import org.featureworkbench.model.ValidationException;

/**
 * How to read a source file; every null field is detected from the file.
 *
 * @param format    the format, or null to detect it (extension, then content)
 * @param delimiter the CSV field separator, or null to detect it among {@code , ; tab |}
 * @param encoding  the CSV encoding, or null for UTF-8 (UTF-16 when the file has its byte-order mark)
 */
public record FileOptions(FileFormat format, Character delimiter, Charset encoding) {
    /** Detect everything. */
    public static final FileOptions DETECT = new FileOptions(null, null, null);

    public FileOptions withFormat(FileFormat newFormat) {
        return new FileOptions(newFormat, delimiter, encoding);
    }

    public FileOptions withDelimiter(Character newDelimiter) {
        return new FileOptions(format, newDelimiter, encoding);
    }

    public FileOptions withEncoding(Charset newEncoding) {
        return new FileOptions(format, delimiter, newEncoding);
    }

    /**
     * Parses a delimiter as a user types it: one character, or {@code tab}, {@code \t},
     * {@code comma}, {@code semicolon}, {@code pipe}.
     *
     * @throws org.featureworkbench.model.FeatureStoreException for anything else
     */
    public static char parseDelimiter(String text) {
        return CsvOptions.parseDelimiter(text);
    }

    /**
     * Parses an encoding name such as {@code UTF-8}, {@code ISO-8859-1} or {@code windows-1252}.
     *
     * @throws ValidationException (field {@code encoding}) for an unknown name
     */
    public static Charset parseEncoding(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ValidationException("encoding", "unknown encoding '" + name
                    + "'; use e.g. UTF-8, UTF-16, ISO-8859-1 or windows-1252");
        }
    }
}
