package org.featureworkbench.api.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiResponse;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.ApiTraffic;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.model.FeatureStoreException;

/**
 * The local endpoint on Jetty 12's core API (no servlets): one acceptor, one selector, a small
 * request thread pool, HTTP/1.1 keep-alive (ADR 0021). Closing stops accepting, closes the
 * connections that are between requests at once, lets requests in flight finish for up to two
 * seconds (each one's connection is closed as soon as its answer is out), and stops.
 */
public final class JettyApiServer implements RunningApiServer {
    private static final long STOP_GRACE_MILLIS = 2000;
    private static final int ACCEPT_QUEUE = 1024;

    private final Server server;
    private final ServerConnector connector;
    private final ApiDispatcher dispatcher;
    private final ApiServerOptions options;
    private final TrafficCounter traffic = new TrafficCounter(System::currentTimeMillis);
    private final ScheduledExecutorService sweeps;
    private final SlowRequestSweeper sweeper;
    private final Runnable onClose;
    private final JettyApiHandler handler;
    private boolean closed;

    private JettyApiServer(ApiDispatcher dispatcher, ApiServerOptions options, ServerLimits limits, Runnable onClose) {
        this.dispatcher = dispatcher;
        this.options = options;
        this.onClose = onClose;
        QueuedThreadPool pool = new QueuedThreadPool(limits.threads() + 4, 4);
        pool.setName("fwb-api");
        pool.setDaemon(true);
        server = new Server(pool);
        server.setStopTimeout(STOP_GRACE_MILLIS);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // A group ARN in the path arrives as feature-group%2Fname; Jetty's default refuses an encoded '/'.
        http.setUriCompliance(UriCompliance.LEGACY);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        sweeper = new SlowRequestSweeper(limits.requestTimeout().toMillis());
        connector.addBean(sweeper);
        server.addConnector(connector);
        handler = new JettyApiHandler(dispatcher, limits, traffic, server.getScheduler(), sweeper, pool);
        server.setHandler(new GracefulHandler(handler));
        server.setErrorHandler((request, response, callback) -> protocolError(request, response,
                handler.counted(request, callback)));
        sweeps = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fwb-api-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(50, limits.requestTimeout().toMillis() / 4);
        sweeps.scheduleAtFixedRate(() -> sweeper.sweep(System.currentTimeMillis()), period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts listening on {@code options}' host and port.
     *
     * @param onClose run once when the server is closed (the owner forgets it)
     * @throws FeatureStoreException when the port is taken or the host cannot be bound
     */
    public static JettyApiServer start(ApiDispatcher dispatcher, ApiServerOptions options, ServerLimits limits,
                                       Runnable onClose) {
        JettyApiServer api = new JettyApiServer(dispatcher, options, limits, onClose);
        try {
            api.server.start();
            return api;
        } catch (Exception e) {
            api.stopQuietly();
            throw bindFailure(options, e);
        }
    }

    private static FeatureStoreException bindFailure(ApiServerOptions options, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new FeatureStoreException("port " + options.port() + " on " + options.host() + " is already in use"
                        + " (another 'serve' or another program); pick a free one with --port, e.g. --port "
                        + (options.port() + 1));
            }
        }
        return new FeatureStoreException("the API server could not listen on " + options.host() + ":" + options.port()
                + ": " + (e instanceof IOException && e.getMessage() != null ? e.getMessage() : "the address is not usable")
                + "; check --host and --port");
    }

    @Override
    public URI endpoint() {
        String host = options.host();
        try {
            if (InetAddress.getByName(host) instanceof Inet6Address) {
                host = "[" + host + "]";
            }
        } catch (IOException e) {
            // the host was bound a moment ago, so it resolves; keep it as given otherwise
        }
        return URI.create("http://" + host + ":" + connector.getLocalPort());
    }

    @Override
    public ApiServerOptions options() {
        return options;
    }

    @Override
    public ApiTraffic traffic() {
        return traffic.traffic();
    }

    /** How many requests were answered on the network thread, with no hand-over to a request thread. */
    long answeredOnNetworkThread() {
        return handler.answeredOnNetworkThread();
    }

    /** How many requests wait for a feature group being changed now ({@link GroupChangeWaits}). */
    int waitingForGroupChanges() {
        return handler.changeWaits().waiting();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // requests that arrive during the grace period get ServiceUnavailable, those already routed finish
        dispatcher.closing();
        // requests waiting for a group being changed are answered "shutting down" now, not at their next try
        handler.changeWaits().close();
        // Jetty's own graceful stop would wait for every idle keep-alive connection (an SDK keeps
        // several) to time out; nothing is lost by closing those now, and no new ones are accepted.
        connector.setAccepting(false);
        sweeper.closeIdle();
        stopQuietly();
        onClose.run();
    }

    private void stopQuietly() {
        sweeps.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            // stopping threads and sockets; nothing a caller could do about a failure here
        }
    }

    /**
     * Errors Jetty answers itself (a malformed request line, headers over 8 KB) in AWS's shape too,
     * counted in {@link #traffic()} like every other answer.
     */
    private boolean protocolError(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) {
        int status = response.getStatus() < 400 ? 400 : response.getStatus();
        Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        String message = "the request is not valid HTTP/1.1" + (reason == null ? "" : " (" + reason + ")")
                + "; send it with an AWS SDK, or see the examples printed by 'serve'";
        // Jetty answers itself only what the client got wrong (even its 505 is a malformed version),
        // bar a failure inside Jetty, which is ours, and the 503 of a request arriving while stopping.
        ApiResponse answer = ApiErrors.render(status == 503
                ? ApiErrors.serviceUnavailable("the local endpoint is shutting down; start it again with 'serve'")
                : new ApiException(status, status == 500 ? "InternalFailure" : "ValidationError", message), false);
        traffic.record(status);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }
}
