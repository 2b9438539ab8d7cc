package org.featureworkbench.api;

import java.util.Optional;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureStoreException;

/**
 * The local SageMaker-compatible endpoint of one store (issue 13): {@code serve} and the GUI's
 * toggle start it here. At most one server runs per store; it serves every request through the
 * {@link FeatureStore} facade, so it has the same semantics as the CLI and the GUI.
 */
public final class ApiOperations {
    private final FeatureStore store;
    private RunningApiServer running;

    public ApiOperations(FeatureStore store) {
        this.store = store;
    }

    /**
     * Starts listening.
     *
     * @throws FeatureStoreException when a server already runs for this store, the port is taken,
     *                               or a non-loopback host is asked for without credentials
     */
    public synchronized RunningApiServer start(ApiServerOptions options) {
        if (running != null) {
            throw new FeatureStoreException("the API server already runs at " + running.endpoint()
                    + "; stop it first");
        }
        throw new FeatureStoreException("the API server is not built yet (issue 13)");
    }

    /** The running server, if one was started and not stopped. */
    public synchronized Optional<RunningApiServer> running() {
        return Optional.ofNullable(running);
    }

    /** Stops the running server, if any. */
    public synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    FeatureStore store() {
        return store;
    }
}
