package org.featureworkbench.ingest;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.featureworkbench.model.FeatureType;

/** What inference learns about one column from the sample. Not thread-safe. */
final class ColumnStats {
    /** Numeric event times must fall in 1973-03-03 .. 2286-11-20 (1e8 .. 1e10 s) to count as epoch seconds. */
    private static final double MIN_EPOCH = 1e8;
    private static final double MAX_EPOCH = 1e10;

    final String column;
    final boolean timeLikeName;
    long nonEmpty;
    long blank;
    boolean allIntegral = true;
    boolean allFractional = true;
    String leadingZeroExample;
    boolean allEventTimes;
    boolean allEpochSeconds = true;
    private Set<String> distinct = new HashSet<>();

    ColumnStats(String column) {
        this.column = column;
        this.timeLikeName = looksLikeTimeName(column);
        this.allEventTimes = timeLikeName;
    }

    void add(String value) {
        if (value == null || value.isBlank()) {
            blank++;
            return;
        }
        nonEmpty++;
        if (distinct != null && !distinct.add(value)) {
            distinct = null; // not unique: stop remembering values
        }
        String s = ValueCoercion.strip(value);
        boolean integral = isPlainInteger(s);
        if (integral && leadingZeroExample == null && hasLeadingZero(s)) {
            leadingZeroExample = s;
        }
        allIntegral &= integral;
        boolean decimal = integral || ValueCoercion.isDecimal(s) && Double.isFinite(Double.parseDouble(s));
        allFractional &= decimal;
        if (allEventTimes) {
            try {
                EventTimeParser.parse(s);
                allEpochSeconds &= decimal && inEpochRange(s);
            } catch (ValueRejectedException e) {
                allEventTimes = false;
            }
        }
    }

    FeatureType type() {
        if (nonEmpty == 0) {
            return FeatureType.STRING;
        }
        if (allIntegral && leadingZeroExample == null) {
            return FeatureType.INTEGRAL;
        }
        return allFractional && leadingZeroExample == null ? FeatureType.FRACTIONAL : FeatureType.STRING;
    }

    /** Every sampled value present and distinct. */
    boolean uniqueAndComplete() {
        return distinct != null && blank == 0 && nonEmpty > 0;
    }

    /** A usable event time: a time-like name, every sampled value present and parseable (and plausible if numeric). */
    boolean eventTimeCandidate() {
        return timeLikeName && allEventTimes && blank == 0 && nonEmpty > 0 && (!allFractional || allEpochSeconds);
    }

    boolean idLikeName() {
        String lower = column.toLowerCase(Locale.ROOT);
        return lower.equals("id") || lower.endsWith("_id") || lower.endsWith("-id") || lower.endsWith(" id")
                || column.endsWith("Id") || column.endsWith("ID");
    }

    static boolean looksLikeTimeName(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        return lower.equals("ts") || lower.endsWith("_ts") || lower.endsWith("time") || lower.endsWith("timestamp")
                || lower.endsWith("_at") || lower.endsWith("-at") || column.endsWith("At") && column.length() > 2
                && Character.isLowerCase(column.charAt(column.length() - 3)) || lower.equals("datetime");
    }

    /** Ranks time-like names: event_time/EventTime first, then timestamp, then the rest. */
    int eventTimeNameRank() {
        String lower = column.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return lower.equals("eventtime") ? 0 : lower.equals("timestamp") || lower.equals("eventtimestamp") ? 1 : 2;
    }

    private static boolean isPlainInteger(String s) {
        int n = s.length();
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i == n || n - i > 19) {
            return false;
        }
        for (; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean hasLeadingZero(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        return s.length() - i > 1 && s.charAt(i) == '0';
    }

    private static boolean inEpochRange(String s) {
        double v = new BigDecimal(s).doubleValue();
        return v >= MIN_EPOCH && v < MAX_EPOCH;
    }
}
