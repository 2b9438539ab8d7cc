package org.featureworkbench.database;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells a lost database connection from every other failure. With H2's AUTO_SERVER the process
 * that opened the file serves it to the others; when it exits or dies, every other process's
 * connections break, and while the next one takes the file over, opening a connection fails for
 * a moment. Both are reasons to wait and retry the unit of work — never to fail a command, and
 * never to report a bad input (ADR 0016).
 */
public final class ConnectionLoss {
    /** H2's CONNECTION_BROKEN_1: the socket to the serving process failed. */
    private static final int CONNECTION_BROKEN = 90067;
    /** DATABASE_IS_CLOSED: the serving process closed the database under this session. */
    private static final int DATABASE_IS_CLOSED = 90098;
    /** DATABASE_CALLED_AT_SHUTDOWN: the serving process is exiting. */
    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;
    /** DATABASE_ALREADY_OPEN_1 ("Locked by another process"): another process is opening the file right now. */
    private static final int DATABASE_ALREADY_OPEN = 90020;
    /** ERROR_OPENING_DATABASE_1: H2 gave up waiting for the file lock. */
    private static final int ERROR_OPENING_DATABASE = 8000;
    /** DATABASE_IS_IN_EXCLUSIVE_MODE: the process that just took the file over is repairing it (TornCommits). */
    private static final int DATABASE_IS_IN_EXCLUSIVE_MODE = 90135;

    private ConnectionLoss() {
    }

    /** Whether {@code e} or one of its causes says the connection to the database is gone. */
    public static boolean isLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && lostCode(sql)) {
                return true;
            }
            if (t instanceof SocketException || t instanceof EOFException) {
                // the socket to the serving process was reset or closed mid-answer
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether a connection whose statement failed with {@code e} may be unusable now, so that it
     * is safer to open another: any failure from the database (its owner may have gone away in a
     * way no code says), except one about the statement itself — SQL state class 42, a table or
     * column not there (as while features are being added), after which the session is as it was.
     */
    public static boolean mayHaveBroken(Throwable e) {
        if (isLost(e)) {
            return true;
        }
        boolean fromDatabase = false;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("42")) {
                    return false;
                }
                fromDatabase = true;
            }
        }
        return fromDatabase;
    }

    /** Whether opening a connection failed only because the database is changing hands (a later try can work). */
    public static boolean isHandOver(Throwable e) {
        if (isLost(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == DATABASE_ALREADY_OPEN
                    || sql.getErrorCode() == ERROR_OPENING_DATABASE || sql.getErrorCode() == DATABASE_IS_IN_EXCLUSIVE_MODE)) {
                return true;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("connection refused") || m.contains("locked by another process")) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostCode(SQLException sql) {
        int code = sql.getErrorCode();
        String state = sql.getSQLState();
        return code == CONNECTION_BROKEN || code == DATABASE_IS_CLOSED || code == DATABASE_CALLED_AT_SHUTDOWN
                || (state != null && state.startsWith("08"));
    }
}
