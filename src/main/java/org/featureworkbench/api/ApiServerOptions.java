package org.featureworkbench.api;

import java.util.Optional;

/**
 * How to start the local endpoint: {@code serve [--host H] [--port P] [--credentials K:S]}.
 *
 * @param host        the interface to listen on; loopback unless credentials are given
 * @param port        the TCP port; 0 picks a free one (tests)
 * @param credentials when present, every request must be signed with this key (SigV4)
 */
public record ApiServerOptions(String host, int port, Optional<ApiCredentials> credentials) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8787;

    /** Loopback, port 8787, any signature accepted. */
    public static ApiServerOptions defaults() {
        return new ApiServerOptions(DEFAULT_HOST, DEFAULT_PORT, Optional.empty());
    }
}
