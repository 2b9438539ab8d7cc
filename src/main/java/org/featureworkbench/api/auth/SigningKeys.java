package org.featureworkbench.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SigV4 key derivation ({@code HMAC("AWS4" + secret, date)}, then region, service and
 * {@code aws4_request}) with the derived keys cached per credential scope: the scope changes once
 * a day, so a running server derives a key a day instead of four HMACs per request. Thread-safe.
 */
final class SigningKeys {
    private static final HexFormat HEX = HexFormat.of();
    /** A day's scopes (one per region/service a client uses) stay well under this. */
    private static final int MAX_CACHED = 64;

    private final byte[] secret;
    private final Map<String, byte[]> byScope = new ConcurrentHashMap<>();

    SigningKeys(String secretKey) {
        this.secret = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
    }

    /** The signature of a string to sign under the key of {@code scope} (date/region/service/aws4_request). */
    String sign(String scope, String stringToSign) {
        byte[] key = byScope.get(scope);
        if (key == null) {
            key = derive(scope);
            if (byScope.size() >= MAX_CACHED) {
                byScope.clear();
            }
            byScope.put(scope, key);
        }
        return HEX.formatHex(hmac(key, stringToSign));
    }

    private byte[] derive(String scope) {
        byte[] key = secret;
        for (String part : scope.split("/")) {
            key = hmac(key, part);
        }
        return key;
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
