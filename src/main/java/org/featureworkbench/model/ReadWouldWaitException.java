package org.featureworkbench.model;

/**
 * A read asked not to wait would have had to: another session holds a lock it needs (e.g. a
 * process altering or dropping the group's table), or the answer needs a step that may wait (a
 * catalog read). Not an error for a user: the caller asks again the ordinary way, which waits as
 * usual (ADR 0021 addendum 3). Its message is for the log only.
 */
public final class ReadWouldWaitException extends RuntimeException {
    public ReadWouldWaitException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
