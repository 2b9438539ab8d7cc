package org.featureworkbench.api;

import java.util.Optional;

/**
 * The one access key a server accepts when started with {@code --credentials}.
 *
 * @param accessKeyId  the access key id clients sign with
 * @param secretKey    its secret
 * @param sessionToken the session token that belongs to the key when it is a temporary one (an
 *                     AWS credentials file's {@code aws_session_token}); empty for a long-term key
 */
public record ApiCredentials(String accessKeyId, String secretKey, Optional<String> sessionToken) {
    /** A long-term key: no session token. */
    public ApiCredentials(String accessKeyId, String secretKey) {
        this(accessKeyId, secretKey, Optional.empty());
    }

    @Override
    public String toString() {
        return "ApiCredentials[" + accessKeyId + ", secret hidden" + (sessionToken.isPresent() ? ", session token" : "")
                + "]";
    }
}
