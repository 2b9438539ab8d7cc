package org.featureworkbench.api.auth;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.api.ApiRequest;

/**
 * What a request says about its own signature: the key, the credential scope, the signed headers,
 * the signature and the signing time, read from the {@code Authorization} header or from the
 * presigned query ({@code X-Amz-Credential}, {@code X-Amz-Signature}, ...).
 *
 * @param accessKeyId   the key the client signed with
 * @param scope         {@code date/region/service/aws4_request}
 * @param signedHeaders lower-case header names, in the order the client listed them
 * @param signature     the signature, lower-case hex
 * @param amzDate       the signing time as sent ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param signedAt      the signing time
 * @param expiresSeconds for a presigned URL, how long it is valid; empty for the header form
 */
record SigV4Claim(String accessKeyId, String scope, List<String> signedHeaders, String signature,
        String amzDate, Instant signedAt, Optional<Long> expiresSeconds) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    boolean presigned() {
        return expiresSeconds.isPresent();
    }

    /** The scope's region, as the client was configured (second part of the scope). */
    String region() {
        return scope.split("/")[1];
    }

    /** The scope's service, the signing name of the client's service model (third part). */
    String service() {
        return scope.split("/")[2];
    }

    /** Reads the claim, or says in our words why the request carries none that can be checked. */
    static SigV4Claim of(ApiRequest request) {
        Optional<String> authorization = request.header("authorization");
        if (authorization.isPresent()) {
            return fromHeader(authorization.get(), request);
        }
        Map<String, String> query = queryParameters(request.rawQuery());
        if (query.containsKey("X-Amz-Signature") || query.containsKey("X-Amz-Credential")) {
            return fromQuery(query);
        }
        throw AccessForbidden.unsigned();
    }

    private static SigV4Claim fromHeader(String header, ApiRequest request) {
        String value = header.trim();
        if (!value.startsWith(ALGORITHM + " ")) {
            throw AccessForbidden.garbled("the Authorization header does not start with " + ALGORITHM
                    + " (only Signature Version 4 is accepted)");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : value.substring(ALGORITHM.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String amzDate = request.header("x-amz-date").orElse(null);
        Instant signedAt = amzDate != null ? parseAmzDate(amzDate) : parseHttpDate(request.header("date"));
        if (amzDate == null) {
            amzDate = AMZ_DATE.format(signedAt.atOffset(ZoneOffset.UTC));
        }
        return build(parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"), amzDate,
                signedAt, Optional.empty(), "the Authorization header");
    }

    private static SigV4Claim fromQuery(Map<String, String> query) {
        String algorithm = query.get("X-Amz-Algorithm");
        if (!ALGORITHM.equals(algorithm)) {
            throw AccessForbidden.garbled("the presigned URL's X-Amz-Algorithm is " + algorithm + ", not " + ALGORITHM);
        }
        String amzDate = required(query.get("X-Amz-Date"), "X-Amz-Date", "the presigned URL");
        long expires;
        try {
            expires = Long.parseLong(required(query.get("X-Amz-Expires"), "X-Amz-Expires", "the presigned URL"));
        } catch (NumberFormatException e) {
            throw AccessForbidden.garbled("the presigned URL's X-Amz-Expires is not a number of seconds");
        }
        return build(query.get("X-Amz-Credential"), query.get("X-Amz-SignedHeaders"), query.get("X-Amz-Signature"),
                amzDate, parseAmzDate(amzDate), Optional.of(expires), "the presigned URL");
    }

    private static SigV4Claim build(String credential, String signedHeaders, String signature, String amzDate,
            Instant signedAt, Optional<Long> expires, String where) {
        String[] scope = required(credential, "Credential", where).split("/", 2);
        if (scope.length != 2 || scope[1].split("/").length != 4 || !scope[1].endsWith("/aws4_request")) {
            throw AccessForbidden.garbled(where + "'s Credential is not ACCESS_KEY/DATE/REGION/SERVICE/aws4_request");
        }
        if (!scope[1].startsWith(amzDate.substring(0, 8) + "/")) {
            throw AccessForbidden.garbled(where + "'s credential date " + scope[1].substring(0, scope[1].indexOf('/'))
                    + " is not the date of the signing time " + amzDate);
        }
        List<String> headers = List.of(required(signedHeaders, "SignedHeaders", where).split(";"));
        return new SigV4Claim(scope[0], scope[1], headers, required(signature, "Signature", where), amzDate,
                signedAt, expires);
    }

    private static String required(String value, String name, String where) {
        if (value == null || value.isBlank()) {
            throw AccessForbidden.garbled(where + " has no " + name);
        }
        return value;
    }

    private static Instant parseAmzDate(String amzDate) {
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw AccessForbidden.garbled("the signing time '" + amzDate + "' is not in the form 20260131T235959Z");
        }
    }

    private static Instant parseHttpDate(Optional<String> date) {
        if (date.isEmpty()) {
            throw AccessForbidden.garbled("the request has neither an X-Amz-Date nor a Date header to say when it was signed");
        }
        try {
            return ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw AccessForbidden.garbled("the Date header '" + date.get() + "' is not an HTTP date");
        }
    }

    /** Decoded query parameters by name (the first value of each), for the presigned form. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = UriEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
            parameters.putIfAbsent(name, eq < 0 ? "" : UriEncoding.decode(pair.substring(eq + 1)));
        }
        return parameters;
    }
}
