package org.featureworkbench.ui.datasets;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.featureworkbench.model.ValidationException;

/**
 * A lookback window as a person types it: a number and a unit, {@code 7d}, {@code 12h},
 * {@code 30m}, {@code 90s}, or several in a row ({@code 1d12h}); {@code w} counts weeks. Pure.
 */
final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})\\s*([wdhms])");

    private DurationText() {
    }

    /**
     * @param field names the input in the message
     * @return null for blank text (no window)
     * @throws ValidationException when the text is not a positive duration in these units
     */
    static Duration parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            // Parts must follow each other (spaces allowed): "7d x" or "d7" is not a duration.
            if (!t.substring(end, m.start()).isBlank()) {
                throw invalid(text, field);
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        if (end == 0 || !t.substring(end).isBlank()) {
            throw invalid(text, field);
        }
        if (total.isZero()) {
            throw new ValidationException(field, "a lookback of " + text.strip() + " keeps no state at all; "
                    + "leave it empty for no limit");
        }
        return total;
    }

    /** The shortest text {@link #parse} reads back: {@code 7d}, {@code 1d12h}, {@code 90s}. */
    static String format(Duration d) {
        if (d == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        long s = d.getSeconds();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                sb.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return sb.isEmpty() ? "0s" : sb.toString();
    }

    private static ValidationException invalid(String text, String field) {
        return new ValidationException(field, "'" + text.strip() + "' is not a duration; type e.g. 7d, 12h or 30m");
    }
}
