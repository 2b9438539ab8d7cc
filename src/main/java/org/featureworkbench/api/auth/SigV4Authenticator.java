package org.featureworkbench.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.RequestAuthenticator;

/**
 * Accepts a request only when it carries a valid AWS Signature Version 4 for the one configured
 * key (issue 13, "Access"): the signature is recomputed from the request as received and compared
 * in constant time. Both the {@code Authorization} header form (what the SDKs, boto3 and the AWS
 * CLI send) and presigned URLs ({@code X-Amz-Signature} in the query) are checked. A request
 * signed more than 15 minutes away from this server's clock is refused, as AWS does.
 *
 * <p>The credential scope must name the service {@code sagemaker} and a well-formed region, any
 * region ({@link CredentialScope}). A session token ({@code x-amz-security-token}) is accepted
 * only when the configured credentials have one and it is that one ({@link SessionTokens}).
 * Thread-safe.
 */
public final class SigV4Authenticator implements RequestAuthenticator {
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final Duration MAX_PRESIGNED_EXPIRY = Duration.ofDays(7);
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final String accessKeyId;
    private final SigningKeys keys;
    private final CredentialScope scope;
    private final SessionTokens tokens;
    private final Clock clock;
    private final String fix;

    public SigV4Authenticator(ApiCredentials credentials, Clock clock) {
        this(credentials, clock, CredentialScope.SAGEMAKER);
    }

    /** @param service the signing name requests must carry; other than sagemaker only for AWS's test vectors */
    SigV4Authenticator(ApiCredentials credentials, Clock clock, String service) {
        this.accessKeyId = credentials.accessKeyId();
        this.keys = new SigningKeys(credentials.secretKey());
        this.scope = new CredentialScope(service);
        this.tokens = new SessionTokens(credentials.sessionToken());
        this.clock = clock;
        this.fix = "This endpoint was started with --credentials (or --credentials-file); sign every request with"
                + " AWS Signature Version 4 using access key " + KeyHint.of(accessKeyId) + " and its secret (for"
                + " example `aws configure`, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or an SDK's static credentials)";
    }

    @Override
    public void authenticate(ApiRequest request) {
        try {
            check(request);
        } catch (ApiException e) {
            throw AccessForbidden.withFix(e, fix);
        }
    }

    private void check(ApiRequest request) {
        SigV4Claim claim = SigV4Claim.of(request);
        if (!claim.accessKeyId().equals(accessKeyId)) {
            throw AccessForbidden.of("the request is signed with access key '" + claim.accessKeyId()
                    + "', which this endpoint does not know" + SessionTokens.temporaryKeyHint(request, claim));
        }
        scope.check(claim);
        tokens.check(request, claim);
        checkTime(claim);
        if (!claim.signedHeaders().contains("host")) {
            throw AccessForbidden.garbled("the Host header is not among the signed headers");
        }
        List<String> payloadHashes = payloadHashes(request, claim);
        String query = CanonicalRequest.query(request.rawQuery(), claim.presigned());
        String headers = CanonicalRequest.headers(request, claim.signedHeaders());
        byte[] sent = claim.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean matches = false;
        for (String uri : CanonicalRequest.uriCandidates(request.rawPath())) {
            for (String payloadHash : payloadHashes) {
                String canonical = CanonicalRequest.build(request.method(), uri, query, headers,
                        claim.signedHeaders(), payloadHash);
                String expected = keys.sign(claim.scope(), stringToSign(claim, canonical));
                // Constant time, and every candidate is computed: timing tells nothing about what differs.
                matches |= MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sent);
            }
        }
        if (!matches) {
            throw AccessForbidden.of("the signature does not match the request: the secret key differs from the one"
                    + " given to --credentials, or something between client and endpoint changed the request"
                    + " (method, path, query, a signed header or the body)");
        }
    }

    private void checkTime(SigV4Claim claim) {
        Instant now = clock.instant();
        Instant signedAt = claim.signedAt();
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw AccessForbidden.of("the request was signed at " + claim.amzDate() + ", more than 15 minutes after"
                    + " this endpoint's clock (" + now + "); check the client's clock");
        }
        if (claim.presigned()) {
            long expires = claim.expiresSeconds().orElseThrow();
            if (expires < 1 || expires > MAX_PRESIGNED_EXPIRY.toSeconds()) {
                throw AccessForbidden.garbled("X-Amz-Expires must be between 1 and 604800 seconds");
            }
            if (now.isAfter(signedAt.plusSeconds(expires))) {
                throw AccessForbidden.of("the presigned URL expired at " + signedAt.plusSeconds(expires)
                        + "; presign a new one");
            }
        } else if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw AccessForbidden.of("the request was signed at " + claim.amzDate() + ", more than 15 minutes before"
                    + " this endpoint's clock (" + now + "); sign it again when sending, and check the client's clock");
        }
    }

    /**
     * The hashes the client may have signed the body with: {@code x-amz-content-sha256} when sent
     * (after checking it is the body's), else the body's SHA-256; a presigned URL that names no
     * hash may also have signed {@code UNSIGNED-PAYLOAD}, as S3's presigned URLs do.
     */
    private static List<String> payloadHashes(ApiRequest request, SigV4Claim claim) {
        Optional<String> declared = request.header("x-amz-content-sha256");
        if (declared.isEmpty() && claim.presigned()) {
            declared = Optional.ofNullable(SigV4Claim.queryParameters(request.rawQuery()).get("X-Amz-Content-Sha256"));
        }
        String actual = SigningKeys.sha256Hex(request.body());
        if (declared.isEmpty()) {
            return claim.presigned() ? List.of(actual, UNSIGNED_PAYLOAD) : List.of(actual);
        }
        String hash = declared.get().trim();
        if (hash.equals(UNSIGNED_PAYLOAD)) {
            return List.of(hash);
        }
        if (!hash.equalsIgnoreCase(actual)) {
            throw AccessForbidden.of("the body's SHA-256 is not the one in x-amz-content-sha256 (the body was changed"
                    + " or cut short on the way, or the client hashed something else)");
        }
        return List.of(hash);
    }

    private static String stringToSign(SigV4Claim claim, String canonicalRequest) {
        return SigV4Claim.ALGORITHM + '\n' + claim.amzDate() + '\n' + claim.scope() + '\n'
                + SigningKeys.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical requests whose signature this authenticator accepts, the standard one first (for tests). */
    static List<String> canonicalRequests(ApiRequest request) {
        SigV4Claim claim = SigV4Claim.of(request);
        String query = CanonicalRequest.query(request.rawQuery(), claim.presigned());
        String headers = CanonicalRequest.headers(request, claim.signedHeaders());
        List<String> result = new ArrayList<>();
        for (String uri : CanonicalRequest.uriCandidates(request.rawPath())) {
            for (String payloadHash : payloadHashes(request, claim)) {
                result.add(CanonicalRequest.build(request.method(), uri, query, headers, claim.signedHeaders(),
                        payloadHash));
            }
        }
        return result;
    }
}
