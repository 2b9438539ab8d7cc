package org.featureworkbench.api.auth;

/**
 * How an error names the configured access key: enough for its owner to recognise it, not the
 * whole id to a stranger (an endpoint on a non-loopback host answers anyone who asks).
 */
final class KeyHint {
    private KeyHint() {
    }

    static String of(String accessKeyId) {
        if (accessKeyId.length() < 8) {
            return "given to --credentials";
        }
        return "'" + accessKeyId.substring(0, 4) + "…'";
    }
}
