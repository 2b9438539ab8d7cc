package org.featureworkbench.api;

import java.net.URI;

/** A started local endpoint; closing it stops it (requests in flight are answered first). */
public interface RunningApiServer extends AutoCloseable {

    /** The address clients put in {@code endpoint_url}, e.g. {@code http://127.0.0.1:8787}. */
    URI endpoint();

    /** The options it was started with. */
    ApiServerOptions options();

    /** Requests, errors and the current rate, for the status bar. */
    ApiTraffic traffic();

    /** Stops listening; idempotent. */
    @Override
    void close();
}
