package org.featureworkbench.database;

import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * Words a failure of the workspace database for a user: the common cases in our words, anything
 * else as the engine's own sentence without the SQL statement and error code it appends (a user
 * cannot act on our SQL text). Stateless.
 */
public final class EngineMessages {
    private EngineMessages() {
    }

    /** What went wrong, e.g. "another command held the rows it needed and did not finish within the lock timeout". */
    public static String plain(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1 -> "another command held the rows or the table it needed"
                    + " and did not finish in time; run the command again (the 'jobs' command shows running ingests)";
            case ErrorCode.DATABASE_IS_CLOSED, ErrorCode.CONNECTION_BROKEN_1 -> "the workspace database was closed "
                    + "while the command ran (the program is closing, or the process that served the database "
                    + "ended); run the command again";
            default -> withoutStatement(String.valueOf(e.getMessage()));
        };
    }

    /** H2's message up to its "; SQL statement:" tail and its " [code-version]" suffix. */
    static String withoutStatement(String message) {
        int statement = message.indexOf("; SQL statement:");
        String text = statement >= 0 ? message.substring(0, statement) : message;
        int code = text.lastIndexOf(" [");
        if (code > 0 && text.endsWith("]")) {
            text = text.substring(0, code);
        }
        return text.strip();
    }
}
