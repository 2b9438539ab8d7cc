package org.featureworkbench.model;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an online record stays readable after its event time (SageMaker's TtlDuration).
 *
 * @param unit  the unit, never null
 * @param value a positive count of units
 */
public record TtlDuration(TtlUnit unit, long value) {
    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,10})\\s*([a-zA-Z]+)");

    public TtlDuration {
        Objects.requireNonNull(unit, "unit");
        if (value < 1) {
            throw new ValidationException("OnlineStoreConfig.TtlDuration.Value",
                    "TTL must be at least 1 " + unit.awsName().toLowerCase() + ", got " + value);
        }
    }

    /** Parses the command-line form: {@code 7d}, {@code 12h}, {@code 30 Minutes}. */
    public static TtlDuration parse(String text, String field) {
        Matcher m = SHORT_FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new ValidationException(field, "'" + text
                    + "' is not a TTL; write a whole number and a unit, e.g. 7d, 12h, 30m, 90s or 2w");
        }
        return new TtlDuration(TtlUnit.parse(m.group(2), field), Long.parseLong(m.group(1)));
    }

    public Duration toDuration() {
        return unit.length().multipliedBy(value);
    }

    /** The command-line form, e.g. {@code 7d}. */
    public String toShortString() {
        return value + unit.suffix();
    }

    @Override
    public String toString() {
        return value + " " + unit.awsName();
    }
}
