package org.featureworkbench.ingest;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import org.featureworkbench.model.NameRules;

/**
 * Makes valid, unique SageMaker feature names out of column names ({@code [a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,63}},
 * not reserved). Accents are dropped ({@code café} → {@code cafe}), other characters become
 * {@code _}, leading and trailing {@code -}/{@code _} go, names are cut to 64 characters, and a
 * clash (ignoring case) gets {@code _2}, {@code _3}… Not thread-safe: it remembers the names it gave.
 */
final class FeatureNames {
    private final Set<String> taken = new HashSet<>();

    /** A valid name for the column at {@code position} (1-based), unique among the names given so far. */
    String nameFor(String column, int position) {
        String base = sanitise(column);
        if (base.isEmpty()) {
            base = "column_" + position;
        }
        if (NameRules.RESERVED_FEATURE_NAMES.contains(Columns.fold(base))) {
            base = base + "_src";
        }
        String name = base;
        for (int n = 2; taken.contains(Columns.fold(name)); n++) {
            String suffix = "_" + n;
            name = trim(cut(base, NameRules.MAX_NAME_LENGTH - suffix.length())) + suffix;
        }
        taken.add(Columns.fold(name));
        return name;
    }

    /** Reserves a name chosen elsewhere (e.g. a stamped event time) so no column takes it. */
    String reserve(String wanted) {
        return nameFor(wanted, 0);
    }

    static String sanitise(String column) {
        String ascii = Normalizer.normalize(column, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            sb.append(ok ? c : '_');
        }
        return trim(cut(sb.toString(), NameRules.MAX_NAME_LENGTH));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '_' || s.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '_' || s.charAt(end - 1) == '-')) {
            end--;
        }
        return s.substring(start, end);
    }
}
