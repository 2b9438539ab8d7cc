package org.featureworkbench.online;

import java.sql.SQLException;
import org.featureworkbench.database.DamagedFile;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.OnlineTableUnreadableException;
import org.h2.api.ErrorCode;

/**
 * Tells a missing or damaged online table apart from other storage failures, and words it for a
 * user: which group, what it means, and to run {@code check} then {@code repair} — never H2's
 * message with its SQL. Stateless.
 */
final class OnlineTableFailure {
    private OnlineTableFailure() {
    }

    /**
     * The failure as {@link OnlineTableUnreadableException} when the group's table is missing or
     * unreadable, else null.
     *
     * @param what what was being done, e.g. "read record 'C1' of 'customers'"
     */
    static OnlineTableUnreadableException of(FeatureGroup group, String what, SQLException e) {
        String problem;
        boolean missing = tableMissing(e, OnlineTable.tableName(group));
        if (missing) {
            problem = "the online table of feature group '" + group.name() + "' is missing from the workspace database";
        } else if (DamagedFile.isDamage(e)) {
            problem = "a page of the online table of feature group '" + group.name() + "' cannot be read (the "
                    + "workspace database file is damaged)";
        } else {
            return null;
        }
        return new OnlineTableUnreadableException(group.name(), "could not " + what + ": " + problem
                + ", so its online records cannot be read or written; run 'feature-workbench check' to see what "
                + "is affected, then 'feature-workbench repair' to rebuild the table from the group's offline store "
                + "(or, for an online-only group, from its last backup)", e, missing);
    }

    private static boolean tableMissing(SQLException e, String tableName) {
        int code = e.getErrorCode();
        boolean notFound = code == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                || code == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2
                || code == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1;
        // The catalog table is named in the same statement (GetRecord's version check): only our table counts.
        return notFound && String.valueOf(e.getMessage()).contains(tableName);
    }
}
