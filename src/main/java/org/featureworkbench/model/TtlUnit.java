package org.featureworkbench.model;

import java.time.Duration;

/** Units of an online-store TTL, as SageMaker's TtlDuration.Unit spells them. */
public enum TtlUnit {
    SECONDS("Seconds", "s", Duration.ofSeconds(1)),
    MINUTES("Minutes", "m", Duration.ofMinutes(1)),
    HOURS("Hours", "h", Duration.ofHours(1)),
    DAYS("Days", "d", Duration.ofDays(1)),
    WEEKS("Weeks", "w", Duration.ofDays(7));

    private final String awsName;
    private final String suffix;
    private final Duration length;

    TtlUnit(String awsName, String suffix, Duration length) {
        this.awsName = awsName;
        this.suffix = suffix;
        this.length = length;
    }

    public String awsName() {
        return awsName;
    }

    /** Short form used on the command line, e.g. {@code d} in {@code --ttl 7d}. */
    public String suffix() {
        return suffix;
    }

    public Duration length() {
        return length;
    }

    /** Parses {@code Days} (any case) or its one-letter suffix {@code d}. */
    public static TtlUnit parse(String value, String field) {
        if (value != null) {
            String v = value.trim();
            for (TtlUnit unit : values()) {
                if (unit.awsName.equalsIgnoreCase(v) || unit.suffix.equals(v)) {
                    return unit;
                }
            }
        }
        throw new ValidationException(field, "unknown TTL unit '" + value
                + "'; use Seconds, Minutes, Hours, Days or Weeks (s, m, h, d, w)");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
