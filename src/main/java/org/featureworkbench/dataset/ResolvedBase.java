package org.featureworkbench.dataset;

import java.util.List;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.query.ResultColumn;

/**
 * The base rows as SQL in one build's session.
 *
 * @param withClauses   CTEs that must precede the base (a query base's groups read as of the build)
 * @param source        a SELECT of the base rows with every base column
 * @param columns       the base's columns, in order
 * @param idColumn      the column of record ids (its name exactly as in {@code columns})
 * @param timeColumn    the column of event times
 * @param timeInstant   SQL of the event time as a TIMESTAMPTZ, over the source's columns
 * @param filtered      true when {@code source} already applies the event range and N most recent
 *                      (a group base reads them through time travel)
 * @param groupsRead    the groups the base itself reads (recorded in the manifest)
 * @param stagedFile    for a file base, the staged copy DuckDB reads and the user's own path, so the
 *                      SQL shown to people names their file (null otherwise)
 */
record ResolvedBase(List<String> withClauses, String source, List<ResultColumn> columns, String idColumn,
                    String timeColumn, String timeInstant, boolean filtered, List<FeatureGroup> groupsRead,
                    StagedInput stagedFile) {
    /** A user's file and where the session staged it. */
    record StagedInput(String staged, String original) {
    }

    /** SQL as shown to people and recorded in manifests: the user's file path, not the staging copy's. */
    String shown(String sql) {
        return stagedFile == null ? sql : sql.replace(stagedFile.staged(), stagedFile.original());
    }
}
