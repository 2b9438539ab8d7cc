package org.featureworkbench.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.featureworkbench.api.ApiRequest;

/**
 * The session token check (ADR 0023, addendum). Temporary credentials (STS, IAM Identity Center,
 * an assumed role, a profile with {@code role_arn}) come as a key, a secret and a session token
 * that only AWS can vouch for; there is no STS here. So a request with a session token is served
 * only when the endpoint was started with that very token (a credentials file profile with
 * {@code aws_session_token}), and a request without one only when the endpoint has none, as AWS
 * refuses a token that does not belong to the key. Immutable.
 */
final class SessionTokens {
    static final String HEADER = "x-amz-security-token";
    private static final String QUERY = "X-Amz-Security-Token";

    private final Optional<String> configured;

    SessionTokens(Optional<String> configured) {
        this.configured = configured;
    }

    void check(ApiRequest request, SigV4Claim claim) {
        Optional<String> sent = sent(request, claim);
        if (sent.isPresent() && configured.isEmpty()) {
            throw AccessForbidden.of("the request carries a session token (" + HEADER + "), so it was signed with"
                    + " temporary credentials, but this endpoint was given a long-term key and has no STS to check a"
                    + " token; sign with static credentials and no session token (unset AWS_SESSION_TOKEN, or use a"
                    + " profile without aws_session_token, role_arn or sso_*)");
        }
        if (configured.isPresent() && !sent.map(this::matches).orElse(false)) {
            throw AccessForbidden.of(sent.isEmpty()
                    ? "the request carries no session token, but the key this endpoint was started with is a"
                    + " temporary one that has one; sign with the whole profile, token included"
                    : "the request's session token is not the one of the profile this endpoint was started with;"
                    + " the temporary credentials may have been refreshed: restart serve with the new profile");
        }
    }

    /** The hint added when an unknown key comes with a session token: it is a temporary key. */
    static String temporaryKeyHint(ApiRequest request, SigV4Claim claim) {
        return sent(request, claim).isPresent()
                ? " (with a session token: temporary credentials from STS, IAM Identity Center or an assumed role,"
                + " which a local endpoint cannot know)"
                : "";
    }

    private boolean matches(String token) {
        // Constant time, like the signature: the token is a secret too.
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                configured.orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> sent(ApiRequest request, SigV4Claim claim) {
        Optional<String> header = request.header(HEADER).map(String::trim).filter(t -> !t.isEmpty());
        if (header.isPresent() || !claim.presigned()) {
            return header;
        }
        return Optional.ofNullable(SigV4Claim.queryParameters(request.rawQuery()).get(QUERY)).filter(t -> !t.isEmpty());
    }
}
