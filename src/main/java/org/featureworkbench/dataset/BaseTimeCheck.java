package org.featureworkbench.dataset;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QuerySession;

/**
 * Every base row of a point-in-time dataset needs an event time that reads as an instant: a value
 * that is neither ISO-8601 nor epoch seconds is refused with its text, a point-in-time row without a
 * time is refused, and for a CSV base either names the line of the first such row.
 */
final class BaseTimeCheck {
    private final QuerySession session;
    private final DatasetSql sql;
    private final DatasetSpec spec;

    BaseTimeCheck(QuerySession session, DatasetSql sql, DatasetSpec spec) {
        this.session = session;
        this.sql = sql;
        this.spec = spec;
    }

    /**
     * What the scan found besides refusals.
     *
     * @param latest  the latest base time before the base's filters; null when it has none, and for
     *                a group base, whose times need no check
     * @param idNotes per joined group with Integral ids, base rows whose id it can never match
     */
    record Result(Instant latest, List<String> idNotes) {
        static final Result NONE = new Result(null, List.of());
    }

    /** Checks the base's event times, refusing unreadable or missing ones. */
    Result run(QueryCancellation cancellation) {
        if (spec.base().kind() == DatasetBase.Kind.GROUP) {
            return Result.NONE;
        }
        Object[] r = session.rows(sql.baseTimeCheck(), cancellation).get(0);
        long unreadable = ((Number) r[0]).longValue();
        long missing = ((Number) r[2]).longValue();
        String column = sql.baseTimeColumn();
        if (unreadable > 0) {
            String example = String.valueOf(r[1]);
            String line = lineOf(example::equals);
            throw new ValidationException(BaseResolver.BASE_TIME_FIELD, unreadable + (unreadable == 1 ? " value" : " values")
                    + " of the base's event-time column '" + column + "' " + (unreadable == 1 ? "is" : "are")
                    + " not a time, e.g. '" + example + "'"
                    + (line.isEmpty() ? "" : " (" + line + ")")
                    + (looksLikeMilliseconds(example) ? ", which looks like milliseconds since the epoch:"
                    + " event times in seconds are expected, so divide the column by 1000" : "; write ISO-8601 "
                    + "(2026-03-01T10:00:00Z) or epoch seconds, or choose another column"));
        }
        if (missing > 0 && spec.pointInTime()) {
            // DuckDB reads an empty field (or a quoted "") as no value.
            String line = lineOf(String::isEmpty);
            boolean one = missing == 1;
            throw new ValidationException(BaseResolver.BASE_TIME_FIELD, missing + (one ? " base row has" : " base rows have")
                    + " no event time in column '" + column + "'" + (line.isEmpty() ? "" : one ? " (" + line + ")"
                    : ", the first on " + line) + "; a point-in-time join needs the time each row's label was observed ("
                    + (one ? "fill it in, filter it out" : "fill them in, filter them out")
                    + " with a query base, or use --no-point-in-time)");
        }
        return new Result(r[3] instanceof Instant latest ? latest : null, idNotes(r));
    }

    private List<String> idNotes(Object[] r) {
        List<String> notes = new ArrayList<>();
        int at = 4;
        for (ResolvedJoin j : sql.joins()) {
            if (j.tables().recordIdType() != org.featureworkbench.model.FeatureType.INTEGRAL) {
                continue;
            }
            long never = ((Number) r[at]).longValue();
            if (never > 0) {
                notes.add(never + (never == 1 ? " base row has" : " base rows have") + " an id that is no whole number in"
                        + " column '" + j.baseColumn() + "' (e.g. '" + r[at + 1] + "'), and '" + j.tables().group().name()
                        + "' has Integral record ids: " + (never == 1 ? "that row gets" : "those rows get")
                        + " no values from it");
            }
            at += 2;
        }
        return notes;
    }

    private static boolean looksLikeMilliseconds(String value) {
        return value.strip().matches("-?\\d{12,14}(\\.\\d+)?");
    }

    /** "line N of file.csv" for a CSV base: the first row whose event-time field matches; else empty. */
    private String lineOf(java.util.function.Predicate<String> timeField) {
        if (spec.base().kind() != DatasetBase.Kind.FILE || BaseResolver.isParquet(Path.of(spec.base().source()))) {
            return "";
        }
        Path file = Path.of(spec.base().source());
        OptionalInt line = CsvLines.firstWhere(file, sql.baseTimeColumn(), timeField);
        return line.isPresent() ? "line " + line.getAsInt() + " of " + file.getFileName() : "";
    }
}
