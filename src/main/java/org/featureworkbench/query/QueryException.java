package org.featureworkbench.query;

import org.featureworkbench.model.FeatureStoreException;

/**
 * A query that cannot run: refused by the console's rules, a syntax or binding error (with the
 * line and column DuckDB reports), a timeout or a cancel. The message is fit for a user as it is.
 */
public class QueryException extends FeatureStoreException {
    public QueryException(String message) {
        super(message);
    }

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message with "at line L, column C" for a 0-based character position in {@code sql}. */
    static QueryException atPosition(String message, String sql, int position) {
        if (position < 0 || position > sql.length()) {
            return new QueryException(message);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new QueryException(message + " (at line " + line + ", column " + (position - lineStart + 1) + ")");
    }
}
