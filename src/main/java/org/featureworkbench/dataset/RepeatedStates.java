package org.featureworkbench.dataset;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QuerySession;

/**
 * Whether a joined group holds two rows for one (record id, event time) as of W, which is when its
 * state rows need the tie-break (ADR 0015). Most groups never do, and on a large group the tie-break
 * is half of a build. A group with no repeats in all its rows has none as of any W, with or without
 * its deletes, so that finding is kept until the group's rows change; a group with repeats is
 * checked as of each build's W, since an earlier W may precede them.
 */
final class RepeatedStates {
    /** Mirror table → the copy generation in which all its rows were found without repeats. */
    private final Map<String, Long> withoutRepeats = new ConcurrentHashMap<>();

    boolean find(QuerySession session, DatasetSql sql, ResolvedJoin join, QueryCancellation cancellation) {
        String table = join.tables().mirrorTable();
        long generation = session.copyGeneration(join.tables().group());
        if (generation >= 0 && Long.valueOf(generation).equals(withoutRepeats.get(table))) {
            return false;
        }
        if (!exists(session, sql.repeatedStates(join, false), cancellation)) {
            if (generation >= 0) {
                withoutRepeats.put(table, generation);
            }
            return false;
        }
        return exists(session, sql.repeatedStates(join, true), cancellation);
    }

    private static boolean exists(QuerySession session, String sql, QueryCancellation cancellation) {
        return Boolean.TRUE.equals(session.rows(sql, cancellation).get(0)[0]);
    }
}
