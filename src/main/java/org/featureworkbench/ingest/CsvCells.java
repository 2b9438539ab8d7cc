package org.featureworkbench.ingest;

/**
 * Where the cells of one CSV record lie in the record's text, packed into one {@code int[]} of
 * two entries per cell (the start with two flag bits, then the end), so a row costs one small
 * array instead of a String per cell. Offsets are in chars from the start of the record's text
 * (records are at most {@link CsvParser#MAX_ROW_CHARS} long, well below the flag bits).
 * Static helpers only; the arrays are never changed once built.
 */
final class CsvCells {
    /** The cell was quoted: an empty quoted cell is "", an empty unquoted one is missing (null). */
    private static final int QUOTED = 1 << 30;
    /** The cell holds escapes (a doubled quote, or the escape character) that its value resolves. */
    private static final int ESCAPED = 1 << 29;
    private static final int OFFSET = ESCAPED - 1;

    private CsvCells() {
    }

    /** Packs {@code count} cells given as parallel arrays. */
    static int[] of(int count, int[] starts, int[] ends, boolean[] quoted, boolean[] escaped) {
        int[] cells = new int[2 * count];
        for (int i = 0; i < count; i++) {
            cells[2 * i] = starts[i] | (quoted[i] ? QUOTED : 0) | (escaped[i] ? ESCAPED : 0);
            cells[2 * i + 1] = ends[i];
        }
        return cells;
    }

    static int count(int[] cells) {
        return cells.length / 2;
    }

    static int start(int[] cells, int i) {
        return cells[2 * i] & OFFSET;
    }

    static int end(int[] cells, int i) {
        return cells[2 * i + 1];
    }

    /** True when the cell's value is its text as it stands: no escapes, and not an empty quoted cell. */
    static boolean isPlain(int[] cells, int i) {
        int packed = cells[2 * i];
        return (packed & ESCAPED) == 0 && ((packed & QUOTED) == 0 || start(cells, i) < end(cells, i));
    }

    /** The value of cell {@code i}: null for an unquoted empty cell, "" for a quoted empty one, escapes resolved. */
    static String value(String text, int[] cells, int i, char escape) {
        int packed = cells[2 * i];
        int s = packed & OFFSET;
        int e = cells[2 * i + 1];
        if (s == e) {
            return (packed & QUOTED) != 0 ? "" : null;
        }
        if ((packed & ESCAPED) == 0) {
            return text.substring(s, e);
        }
        StringBuilder sb = new StringBuilder(e - s);
        for (int k = s; k < e; k++) {
            char c = text.charAt(k);
            if (c == escape && k + 1 < e) {
                c = text.charAt(++k);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
