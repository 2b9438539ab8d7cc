package org.featureworkbench.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Quick counts over a decoded sample, for dialect detection only. Stateless. */
final class SampleRecords {
    private static final int MAX_RECORDS = 200;

    private SampleRecords() {
    }

    /**
     * The number of fields in each of the sample's first records (empty lines skipped). When the
     * sample is not the whole file its last, unfinished record is left out.
     */
    static List<Integer> fieldCounts(String text, char delimiter, char quote, char escape, boolean whole) {
        List<Integer> counts = new ArrayList<>();
        int fields = 1;
        boolean inQuotes = false;
        boolean recordHasText = false;
        int n = text.length();
        for (int i = 0; i < n && counts.size() < MAX_RECORDS; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == escape && escape != quote && i + 1 < n) {
                    i++;
                } else if (c == quote) {
                    if (escape == quote && i + 1 < n && text.charAt(i + 1) == quote) {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
            } else if (c == '\n' || c == '\r') {
                if (recordHasText) {
                    counts.add(fields);
                }
                fields = 1;
                recordHasText = false;
            } else {
                recordHasText = true;
                if (c == delimiter) {
                    fields++;
                } else if (c == quote && quote != CsvDialect.NONE && startsField(text, i, delimiter)) {
                    inQuotes = true;
                }
            }
        }
        // A record still open when a partial sample ends may be cut off: it is not counted.
        if (recordHasText && whole && counts.size() < MAX_RECORDS) {
            counts.add(fields);
        }
        return counts;
    }

    private static boolean startsField(String text, int i, char delimiter) {
        if (i == 0) {
            return true;
        }
        char prev = text.charAt(i - 1);
        return prev == delimiter || prev == '\n' || prev == '\r';
    }

    /** How many fields start with {@code quote} after a line start or any candidate delimiter. */
    static int quotedFieldStarts(String text, char quote) {
        int count = 0;
        for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
            char prev = i == 0 ? '\n' : text.charAt(i - 1);
            if (prev == ',' || prev == ';' || prev == '\t' || prev == '|' || prev == '\n' || prev == '\r') {
                count++;
            }
        }
        return count;
    }

    /** The most frequent value (the larger on a tie); 0 for an empty list. */
    static int mode(List<Integer> values) {
        Map<Integer, Integer> freq = new HashMap<>();
        int best = 0;
        int bestFreq = 0;
        for (int v : values) {
            int f = freq.merge(v, 1, Integer::sum);
            if (f > bestFreq || f == bestFreq && v > best) {
                best = v;
                bestFreq = f;
            }
        }
        return best;
    }
}
