package org.featureworkbench.api.auth;

import org.featureworkbench.api.ApiException;

/**
 * The 403 {@code AccessForbidden} errors of the SigV4 check, so the SDKs raise their usual
 * access-denied exception. Messages say what is wrong with the request; the authenticator adds
 * how to sign correctly. No message ever contains the secret or the expected signature.
 */
final class AccessForbidden {
    static final int STATUS = 403;
    static final String CODE = "AccessForbidden";

    private AccessForbidden() {
    }

    static ApiException unsigned() {
        return of("the request is not signed (no Authorization header and no X-Amz-Signature in the URL)");
    }

    static ApiException garbled(String what) {
        return of("the request's signature cannot be read: " + what);
    }

    static ApiException of(String what) {
        return new ApiException(STATUS, CODE, what);
    }

    /** The same error with how to fix it appended. */
    static ApiException withFix(ApiException error, String fix) {
        return new ApiException(error.status(), error.code(), error.getMessage() + ". " + fix);
    }
}
