package org.featureworkbench.query.stats;

/** The usual reading of a population stability index. */
public enum DriftReading {
    /** PSI below 0.1: no meaningful change. */
    STABLE,
    /** PSI from 0.1 to 0.25: worth a look. */
    MODERATE,
    /** PSI above 0.25: the distribution has shifted. */
    SHIFTED;

    /** The reading of {@code psi}. */
    public static DriftReading of(double psi) {
        if (psi < 0.1) {
            return STABLE;
        }
        return psi <= 0.25 ? MODERATE : SHIFTED;
    }

    /** "stable", "moderate" or "shifted". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
