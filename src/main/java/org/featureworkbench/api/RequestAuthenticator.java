package org.featureworkbench.api;

/**
 * Decides whether a request may be served (issue 13, "Access"): either every request is
 * accepted (loopback without credentials) or each must carry a valid AWS Signature Version 4
 * for the configured key.
 */
public interface RequestAuthenticator {

    /** Accepts every request, signed or not. */
    RequestAuthenticator ACCEPT_ALL = request -> { };

    /**
     * Returns normally when the request may be served.
     *
     * @throws ApiException with status 403 and code {@code AccessForbidden} when not, saying why
     *                      (unknown key, signature mismatch, request too old) in our words
     */
    void authenticate(ApiRequest request);
}
