package org.featureworkbench.database;

import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStoreException;

/**
 * Tells H2 reporting a page or file of the workspace database it cannot read from every other
 * failure. One rule for the opening check ({@code health.DatabaseDamage}) and for reads of an
 * online table ({@code online.OnlineTableFailure}). Stateless.
 */
public final class DamagedFile {
    private DamagedFile() {
    }

    /** Whether a failure (or any of its causes) is H2 reporting a page or file it cannot read. */
    public static boolean isDamage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                String message = String.valueOf(sql.getMessage());
                if (code == ErrorCode.FILE_CORRUPTED_1
                        || (code == ErrorCode.GENERAL_ERROR_1 && (message.contains("MVStoreException")
                        || message.contains("Unable to read the page") || message.contains("corrupt")))) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
