package org.featureworkbench.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a delimited text file is written.
 *
 * @param delimiter separates fields: usually {@code ,} {@code ;} tab or {@code |}
 * @param quote     starts and ends a quoted field, or {@link #NONE} when the file never quotes
 * @param escape    inside a quoted field, makes the next character literal; equal to {@code quote}
 *                  (or {@link #NONE}) for RFC 4180's doubled quotes ({@code ""}), e.g. {@code \} for backslash escapes
 * @param charset   the text encoding; decoding errors are reported, never replaced
 * @param bomBytes  how many byte-order-mark bytes precede the text (skipped, never part of a name)
 */
public record CsvDialect(char delimiter, char quote, char escape, Charset charset, int bomBytes) {
    /** Marks "no quote character". */
    public static final char NONE = '\0';
    /** RFC 4180: comma, double quote doubled to escape itself, UTF-8 without BOM. */
    public static final CsvDialect RFC4180 = new CsvDialect(',', '"', '"', StandardCharsets.UTF_8, 0);

    public CsvDialect {
        Objects.requireNonNull(charset, "charset");
        // "No escape character" means RFC 4180 doubling, the only way to put a quote in a quoted value.
        escape = escape == NONE ? quote : escape;
        if (delimiter == '\r' || delimiter == '\n' || delimiter == NONE) {
            throw new IllegalArgumentException("a delimiter cannot be a line break or NUL");
        }
        if (quote == delimiter) {
            throw new IllegalArgumentException("the quote character cannot also be the delimiter");
        }
    }

    /** True when a doubled quote ({@code ""}) stands for one quote inside a quoted field. */
    public boolean doubledQuotes() {
        return escape == quote;
    }

    /** A short human description, e.g. {@code delimiter ';', quote '"', escape by doubling, UTF-8 with BOM}. */
    public String describe() {
        return "delimiter " + show(delimiter) + ", quote " + (quote == NONE ? "none" : show(quote))
                + ", escape " + (doubledQuotes() ? "by doubling" : show(escape))
                + ", " + charset.name() + (bomBytes > 0 ? " with BOM" : "");
    }

    static String show(char c) {
        return c == '\t' ? "tab" : "'" + c + "'";
    }
}
