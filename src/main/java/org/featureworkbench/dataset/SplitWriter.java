package org.featureworkbench.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QuerySession;
import org.featureworkbench.query.Sql;
import org.featureworkbench.query.StagedFile;

/**
 * Cuts a dataset into parts, one staged file each. The joined rows are computed once into a temp
 * table numbered in output order; then:
 * <ul>
 *   <li>by time: the part boundaries are base event times near the wanted row counts, and a part
 *       is the rows after the previous boundary up to its own. Rows with equal times stay in one
 *       part, so every row of a later part is strictly later (a part may come out larger or
 *       smaller than its fraction when many rows share a time);</li>
 *   <li>random: rows are ranked by a seeded hash of their number and dealt out by exact counts;
 *       the same seed gives the same parts.</li>
 * </ul>
 * Each part keeps the output order.
 */
final class SplitWriter {
    private static final String TABLE = DatasetSql.HELPER_PREFIX + "ds";
    private static final String NUMBER = DatasetSql.HELPER_PREFIX + "n";
    private static final String RANK = DatasetSql.HELPER_PREFIX + "r";

    private final QuerySession session;
    private final DatasetSql sql;
    private final DatasetSpec spec;

    SplitWriter(QuerySession session, DatasetSql sql, DatasetSpec spec) {
        this.session = session;
        this.sql = sql;
        this.spec = spec;
    }

    /** Computes the rows once; returns the row count. */
    long prepare(QueryCancellation cancellation) {
        DatasetSplit split = spec.split();
        String numbered = "SELECT *, row_number() OVER (ORDER BY " + sql.orderKey() + ") AS " + NUMBER
                + " FROM (\n" + sql.joined(spec.limit()) + "\n)";
        String ranked = split.mode() == DatasetSplit.Mode.RANDOM
                ? "SELECT *, row_number() OVER (ORDER BY hash(" + NUMBER + ", " + split.seed() + "), " + NUMBER + ") AS "
                + RANK + " FROM (" + numbered + ")"
                : numbered;
        session.execute("CREATE OR REPLACE TEMP TABLE " + TABLE + " AS " + ranked, cancellation);
        return ((Number) session.rows("SELECT count(*) FROM " + TABLE, cancellation).get(0)[0]).longValue();
    }

    /** The WHERE condition of each part, in split order. */
    List<String> conditions(long rows, QueryCancellation cancellation) {
        DatasetSplit split = spec.split();
        List<Long> ends = ends(split, rows);
        List<String> conditions = new ArrayList<>();
        if (split.mode() == DatasetSplit.Mode.RANDOM) {
            long previous = 0;
            for (long end : ends) {
                conditions.add(RANK + " > " + previous + " AND " + RANK + " <= " + end);
                previous = end;
            }
            conditions.add(RANK + " > " + previous);
            return conditions;
        }
        String previous = null;
        for (long end : ends) {
            String cut = boundary(end, cancellation);
            conditions.add((previous == null ? "" : "NOT (" + previous + ") AND ") + cut);
            previous = cut;
        }
        conditions.add(previous == null ? "true" : "NOT (" + previous + ")");
        return conditions;
    }

    /** Where each part but the last ends, in rows: its fraction, added up and rounded. */
    static List<Long> ends(DatasetSplit split, long rows) {
        List<Long> ends = new ArrayList<>();
        double cumulative = 0;
        for (int k = 0; k < split.parts().size() - 1; k++) {
            cumulative += split.parts().get(k).fraction();
            ends.add(Math.min(rows, Math.round(rows * cumulative)));
        }
        return ends;
    }

    /** How many rows each part should get before equal times are kept together. */
    static List<Long> wanted(DatasetSplit split, long rows) {
        List<Long> wanted = new ArrayList<>();
        long previous = 0;
        for (long end : ends(split, rows)) {
            wanted.add(Math.max(0, end - previous));
            previous = Math.max(previous, end);
        }
        wanted.add(rows - previous);
        return wanted;
    }

    /**
     * The condition "before the boundary" near row {@code end}: rows sharing the boundary row's time
     * all go to the earlier part or all to the later one, whichever leaves the earlier part's row
     * count closer to {@code end}. (With three distinct times, 80/20 gives 67/33, not 100/0.)
     */
    private String boundary(long end, QueryCancellation cancellation) {
        if (end < 1) {
            return "false";
        }
        // The alias has the helper prefix: the table's own columns (features named t…) must not shadow it.
        String t = DatasetSql.HELPER_PREFIX + "cut";
        Object[] r = session.rows("SELECT epoch_us(" + t + "), (SELECT count(*) FROM " + TABLE + " WHERE "
                + DatasetSql.BASE_TIME + " < " + t + "), (SELECT count(*) FROM " + TABLE + " WHERE " + DatasetSql.BASE_TIME
                + " <= " + t + ") FROM (SELECT " + DatasetSql.BASE_TIME + " AS " + t + " FROM " + TABLE + " WHERE " + NUMBER
                + " = " + end + ")", cancellation).get(0);
        long micros = ((Number) r[0]).longValue();
        long before = ((Number) r[1]).longValue();
        long through = ((Number) r[2]).longValue();
        String time = Sql.timestamp(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000));
        boolean tiesGoLater = end - before < through - end;
        return DatasetSql.BASE_TIME + (tiesGoLater ? " < " : " <= ") + time;
    }

    /** The SELECT of one part, in output order, without helper columns. */
    String partSelect(String condition) {
        String helpers = DatasetSql.BASE_TIME + ", " + NUMBER + (spec.split().mode() == DatasetSplit.Mode.RANDOM ? ", " + RANK : "");
        return "SELECT * EXCLUDE (" + helpers + ") FROM " + TABLE + " WHERE " + condition + " ORDER BY " + NUMBER;
    }

    StagedFile write(String condition, ExportFormat format, QueryCancellation cancellation) {
        return session.copyToStaging(partSelect(condition), format, cancellation);
    }

    /** How many distinct base event times the rows have. */
    long distinctTimes(QueryCancellation cancellation) {
        return ((Number) session.rows("SELECT count(DISTINCT " + DatasetSql.BASE_TIME + ") FROM " + TABLE, cancellation)
                .get(0)[0]).longValue();
    }

    void dropTable() {
        session.execute("DROP TABLE IF EXISTS " + TABLE, new QueryCancellation());
    }
}
