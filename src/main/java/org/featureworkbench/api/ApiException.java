package org.featureworkbench.api;

/**
 * An error the API returns in AWS's shape: the status, the error code in {@code x-amzn-ErrorType}
 * and {@code __type}, and a JSON {@code message} in our words. The SDKs map the code to their
 * exception class (e.g. {@code ResourceNotFound} to {@code ResourceNotFoundException}).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, e.g. 400. */
    public int status() {
        return status;
    }

    /** AWS's error code, e.g. {@code ValidationError} or {@code ResourceNotFound}. */
    public String code() {
        return code;
    }
}
