package org.featureworkbench.api;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.featureworkbench.api.auth.SigV4Authenticator;
import org.featureworkbench.api.server.ApiDispatcher;
import org.featureworkbench.api.server.ApiRouter;
import org.featureworkbench.api.server.JettyApiServer;
import org.featureworkbench.api.server.ServerLimits;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local SageMaker-compatible endpoint of one store (issue 13): {@code serve} and the GUI's
 * toggle start it here. At most one server runs per store; it serves every request through the
 * {@link FeatureStore} facade, so it has the same semantics as the CLI and the GUI.
 */
public final class ApiOperations {
    private static final Logger LOG = LoggerFactory.getLogger(ApiOperations.class);
    private final FeatureStore store;
    private final org.featureworkbench.model.Notices notices = new org.featureworkbench.model.Notices();
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
        Optional<String> warning = HostAccess.check(options);
        warning.ifPresent(LOG::warn);
        ApiRouter router = new ApiRouter(store, this::notice);
        ApiDispatcher dispatcher = new ApiDispatcher(router::route, authenticatorFor(options),
                store.logsDirectory(), router::answersWithoutWaiting, router::routeWithoutWaiting);
        JettyApiServer[] started = new JettyApiServer[1];
        started[0] = JettyApiServer.start(dispatcher, options, ServerLimits.DEFAULTS, () -> forget(started[0]));
        running = started[0];
        LOG.info("API server listening at {}", running.endpoint());
        return running;
    }

    /**
     * How requests are checked: any request when no credentials are given; otherwise SigV4
     * ({@link org.featureworkbench.api.auth.SigV4Authenticator}, ADR 0023).
     */
    static RequestAuthenticator authenticatorFor(ApiServerOptions options) {
        return options.credentials()
                .<RequestAuthenticator>map(key -> new SigV4Authenticator(key, Clock.systemUTC()))
                .orElse(RequestAuthenticator.ACCEPT_ALL);
    }

    /**
     * Tells {@code listener}, on a server thread, what the operator should hear about a request
     * that succeeded without doing all it asked (e.g. "CreateFeatureGroup 'orders': RoleArn:
     * cloud-only, ignored by the local store"); until the returned handle is closed.
     * Subscribe before {@link #start}, so the first request's notices are heard too.
     */
    public AutoCloseable onNotice(Consumer<String> listener) {
        return notices.subscribe(listener);
    }

    /** The log keeps every notice, for a GUI user who has no console. */
    private void notice(String message) {
        LOG.warn(message);
        notices.publish(message);
    }

    private synchronized void forget(RunningApiServer server) {
        if (running == server) {
            running = null;
        }
    }

    /** The running server, if one was started and not stopped. */
    public synchronized Optional<RunningApiServer> running() {
        return Optional.ofNullable(running);
    }

    /** Stops the running server, if any. */
    public void stop() {
        RunningApiServer server;
        synchronized (this) {
            server = running;
            running = null;
        }
        if (server != null) {
            server.close();
        }
    }

    FeatureStore store() {
        return store;
    }
}
