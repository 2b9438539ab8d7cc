package org.featureworkbench.ingest;

import java.time.Instant;

/**
 * The two SageMaker ISO forms ({@code yyyy-MM-ddTHH:mm:ssZ}, {@code …:ss.SSSZ}), which most
 * event-time columns hold: whether a cell is already canonical, so the ingest keeps its text
 * instead of formatting the instant again (parsing them: {@code EventTimes#parseSageMakerIso}).
 * Stateless and thread-safe.
 */
final class SageMakerIso {
    private SageMakerIso() {
    }

    /** True when {@code raw} is already the canonical String form of {@code instant} (so formatting can be skipped). */
    static boolean isCanonical(String raw, Instant instant) {
        int n = raw.length();
        return n == 20 && instant.getNano() == 0 && raw.charAt(10) == 'T' && raw.charAt(19) == 'Z'
                || n == 24 && instant.getNano() != 0 && raw.charAt(10) == 'T' && raw.charAt(19) == '.' && raw.charAt(23) == 'Z';
    }
}
