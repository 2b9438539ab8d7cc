package org.featureworkbench.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.featureworkbench.query.GroupTables;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QuerySession;
import org.featureworkbench.query.Sql;
import org.featureworkbench.query.StagedFile;

/**
 * What a person should know about the rows a build wrote, before training on them: a joined group
 * none of whose states can be seen by any row (the classic point-in-time surprise: its states were
 * written after every base row's time, or it held none as of the build), and a part of a time
 * split that came out empty (its share rounds to no row, or the rows share their event times), and
 * base ids a group with Integral record ids can never match ('abc'; counted in the base-time scan).
 * Only checks that cost next to nothing: counting the rows each group left empty means reading the
 * whole output again, ~12% of a 1M-row CSV build (docs/benchmarks.md, bench dataset), so it is not
 * done (ADR 0015, addendum of 2026-12-05).
 */
final class DatasetNotes {
    private final QuerySession session;
    private final DatasetSql sql;
    private final DatasetSpec spec;

    DatasetNotes(QuerySession session, DatasetSql sql, DatasetSpec spec) {
        this.session = session;
        this.sql = sql;
        this.spec = spec;
    }

    /**
     * The notes, in words.
     *
     * @param staged     the written parts, in split order
     * @param partNames  their names (one part "all" when not split)
     * @param baseTimes  distinct base event times among the rows, or -1 when not counted
     * @param baseCheck  what the base-time check's scan found: the latest event time of a file or
     *                   query base before its filters (null for a group base, whose copy says it),
     *                   and base ids a joined group with Integral ids can never match
     */
    List<String> of(List<StagedFile> staged, List<String> partNames, long baseTimes, BaseTimeCheck.Result baseCheck,
                    QueryCancellation cancellation) {
        Instant baseLatest = baseCheck.latest();
        List<String> notes = new ArrayList<>();
        long total = staged.stream().mapToLong(StagedFile::rows).sum();
        if (total == 0) {
            notes.add("the dataset has no rows: the base gave none (check the as-of time, the event range, the most"
                    + " recent rows per record and the base's own filter)");
            return notes;
        }
        notes.addAll(emptyParts(staged, partNames, total, baseTimes));
        notes.addAll(baseCheck.idNotes());
        if (spec.pointInTime() && !sql.joins().isEmpty()) {
            Instant latest = spec.base().kind() == DatasetBase.Kind.GROUP ? latestOfBaseGroup(cancellation) : baseLatest;
            notes.addAll(groupsNoRowCanSee(latest, cancellation));
        }
        return notes;
    }

    private List<String> emptyParts(List<StagedFile> staged, List<String> partNames, long total, long baseTimes) {
        List<String> notes = new ArrayList<>();
        if (spec.split() == null) {
            return notes;
        }
        List<Long> wanted = SplitWriter.wanted(spec.split(), total);
        for (int k = 0; k < staged.size(); k++) {
            if (staged.get(k).rows() > 0) {
                continue;
            }
            String part = "part '" + partNames.get(k) + "' is empty: ";
            if (wanted.get(k) == 0) {
                notes.add(part + "its share (" + percent(spec.split().parts().get(k).fraction()) + ") of " + count(total)
                        + " rows rounds to none; give it a larger share, or build from more rows");
            } else if (spec.split().mode() == DatasetSplit.Mode.BY_TIME && baseTimes >= 0) {
                notes.add(part + "a split by time keeps rows of the same event time in one part, and the " + count(total)
                        + " rows have " + count(baseTimes) + " distinct event" + (baseTimes == 1 ? " time" : " times")
                        + "; split at random instead");
            }
        }
        return notes;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.4g", fraction * 100).replaceAll("\\.?0+$", "") + "%";
    }

    /** Joined groups whose earliest state (as of the build) is later than every base row, or that hold none. */
    private List<String> groupsNoRowCanSee(Instant baseLatest, QueryCancellation cancellation) {
        List<String> notes = new ArrayList<>();
        for (ResolvedJoin j : sql.joins()) {
            if (!j.tables().copyIsTable()) {
                continue; // read from the Parquet files (another process owns the copy): not worth a scan
            }
            String group = j.tables().group().name();
            Instant earliest = earliestState(j.tables(), cancellation);
            if (earliest == null) {
                notes.add("no row has a value from '" + group + "': it held no rows (other than delete markers) as of "
                        + spec.asOf() + " (check the as-of time, or that its rows reached the offline store)");
            } else if (baseLatest != null && baseLatest.isBefore(earliest)) {
                notes.add("no row has a value from '" + group + "': its earliest state has event time " + earliest
                        + ", after the base's latest (" + baseLatest + "), and a row sees only states at or before"
                        + " its own time (point-in-time correctness); use base rows from after " + earliest
                        + ", or join each record's latest state instead (no point-in-time join)");
            }
        }
        return notes;
    }

    private Instant earliestState(GroupTables tables, QueryCancellation cancellation) {
        // Delete markers are no state a row can take a value from (with --include-deleted they are skipped).
        return instantOrNull(session.rows("SELECT min(" + GroupTables.EVENT_INSTANT + ") FROM " + tables.mirrorTable()
                + " WHERE write_time <= " + Sql.timestamp(spec.asOf()) + " AND NOT is_deleted", cancellation));
    }

    /** The latest event time of a group base's rows as of the build, from its copy; null when unknown. */
    private Instant latestOfBaseGroup(QueryCancellation cancellation) {
        GroupTables tables = sql.baseGroup() == null ? null : session.tables(sql.baseGroup());
        if (tables == null || !tables.copyIsTable()) {
            return null;
        }
        return instantOrNull(session.rows("SELECT max(" + GroupTables.EVENT_INSTANT + ") FROM " + tables.mirrorTable()
                + " WHERE write_time <= " + Sql.timestamp(spec.asOf()), cancellation));
    }

    /** The one value of a one-row result of a TIMESTAMPTZ aggregate (the session reads it as an Instant). */
    private static Instant instantOrNull(List<Object[]> rows) {
        return rows.get(0)[0] instanceof Instant instant ? instant : null;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
