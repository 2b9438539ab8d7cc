package org.featureworkbench.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters of the read-side commands ({@code query}, {@code history}, {@code export}…). */
final class QueryArguments {
    private QueryArguments() {
    }

    /**
     * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. A bare number is refused: psql's
     * statement_timeout reads {@code 10} as milliseconds, a shell's {@code timeout} as seconds, so
     * either guess silently surprises someone; asking for the unit costs one character.
     */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                Duration d;
                if (v.endsWith("ms")) {
                    d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                } else if (v.endsWith("s")) {
                    d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("m")) {
                    d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("h")) {
                    d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
                } else {
                    long bare = Long.parseLong(v);
                    if (bare > 0) {
                        throw new TypeConversionException("'" + value.trim() + "' has no unit; write " + bare
                                + "s for seconds, or " + bare + "ms, " + bare + "m or " + bare + "h");
                    }
                    throw new NumberFormatException();
                }
                if (d.isZero() || d.isNegative()) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 500ms, 30s, 5m or 1h");
            }
        }
    }

    /** {@code table}, {@code csv} or {@code json}. */
    static String outputFormat(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("table") && !v.equals("csv") && !v.equals("json")) {
            throw new TypeConversionException("'" + value + "' is not an output format; use table, csv or json");
        }
        return v;
    }

    static final class OutputFormatConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return outputFormat(value);
        }
    }
}
