package org.featureworkbench.ui.ingest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the ingest pages write counts, rates and durations, so the wizard and the jobs page agree. */
final class IngestText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private IngestText() {
    }

    /** 1234567 → "1,234,567". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Rows per second, rounded to a readable number. */
    static String rate(double rowsPerSecond) {
        return count(Math.round(rowsPerSecond)) + " rows/s";
    }

    /** Seconds as "0.4 s", "12 s" or "3 min 05 s". */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /**
     * The time left in the current pass from how far it is and how long it took so far; empty
     * until there is enough to go on (the first 2 % or half second).
     */
    static String eta(double fraction, double seconds) {
        if (fraction < 0.02 || seconds < 0.5) {
            return "estimating…";
        }
        if (fraction >= 1.0) {
            return "finishing…";
        }
        return "about " + duration(seconds * (1 - fraction) / fraction) + " left";
    }

    /** A local wall-clock time, HH:mm:ss. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
