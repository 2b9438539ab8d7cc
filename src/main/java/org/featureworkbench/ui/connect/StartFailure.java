package org.featureworkbench.ui.connect;

import java.net.BindException;
import java.net.UnknownHostException;
import org.featureworkbench.model.FeatureStoreException;

/**
 * Puts a failed server start into words for the Connect page: a taken port or an unknown host in
 * the page's terms (the server's own message speaks of command-line flags), else the store's
 * message, else a plain sentence. Never a class name or a stack trace; those are in the log.
 */
final class StartFailure {
    private StartFailure() {
    }

    static String describe(Throwable failure, String host, int port) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof BindException) {
                return "Port " + port + " on " + host + " is in use by another program (or the address is not one "
                        + "of this computer's). Pick another port, or 0 for any free one, or stop that program.";
            }
            if (e instanceof UnknownHostException) {
                return "The host '" + host + "' is not known to this computer. Use 127.0.0.1 to serve this computer only.";
            }
        }
        if (failure instanceof FeatureStoreException && failure.getMessage() != null) {
            return capitalized(failure.getMessage());
        }
        return "The API server could not start on " + host + ":" + port + ". The log folder has the details.";
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
