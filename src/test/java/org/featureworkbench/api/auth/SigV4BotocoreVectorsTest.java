package org.featureworkbench.api.auth;

import static org.featureworkbench.api.auth.SigV4TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiException;
import org.junit.jupiter.api.Test;

/**
 * Requests signed by botocore 1.43 (boto3 and the AWS CLI), recorded once with its clock fixed at
 * 2026-12-04T03:00:00Z: botocore signs no payload header and encodes the path and query its own
 * way, so it is a second, independent signer next to the Java SDK's.
 */
class SigV4BotocoreVectorsTest {
    private static final SigV4Authenticator CHECK = new SigV4Authenticator(
            new ApiCredentials("AKIAFWBLOCALTEST1234", "s3cr3t/Local+Workbench/Key0000000000000"),
            Clock.fixed(Instant.parse("2026-12-04T03:05:00Z"), ZoneOffset.UTC));
    private static final String SCOPE = "AWS4-HMAC-SHA256 Credential=AKIAFWBLOCALTEST1234/20261204/us-east-1/sagemaker/"
            + "aws4_request, ";

    @Test
    void aGetRecordOfAGroupArnWithAnEncodedIdIsAccepted() {
        SigV4TestRequests get = request("GET", "/FeatureGroup/arn%3Aaws%3Asagemaker%3Aus-east-1%3A123456789012"
                + "%3Afeature-group%2Fcustomers?RecordIdentifierValueAsString=c%201%2B%2F%C3%A9&FeatureName=age")
                .header("Host", "127.0.0.1:8787").header("X-Amz-Date", "20261204T030000Z");
        assertAcceptedThenRefusedWhenChanged(get, "SignedHeaders=host;x-amz-date, Signature=",
                "cea3b2fd48d59882e6eb024a70641d46d49b3c11b5e0374f8ef6d89ac9e5c515");
    }

    @Test
    void aPutRecordIsAcceptedAndItsBodyIsCoveredWithoutAHashHeader() {
        SigV4TestRequests put = request("PUT", "/FeatureGroup/customers").header("Host", "127.0.0.1:8787")
                .header("Content-Type", "application/json").header("X-Amz-Date", "20261204T030000Z")
                .header("Content-Length", "68")
                .body("{\"Record\": [{\"FeatureName\": \"customer_id\", \"ValueAsString\": \"c-1\"}]}");
        String signature = "5be0eca9053d52d168f81ae3dd7fff30531d5569b6f2b6942f232962669c8fd0";
        String signed = "SignedHeaders=content-type;host;x-amz-date, Signature=";
        assertAcceptedThenRefusedWhenChanged(put, signed, signature);
        ApiException tampered = assertThrows(ApiException.class, () -> CHECK.authenticate(
                put.body("{\"Record\": [{\"FeatureName\": \"customer_id\", \"ValueAsString\": \"c-2\"}]}")
                        .withAuthorization(SCOPE + signed + signature).build()));
        assertEquals(403, tampered.status());
    }

    private static void assertAcceptedThenRefusedWhenChanged(SigV4TestRequests request, String signedHeaders,
            String signature) {
        assertDoesNotThrow(() -> CHECK.authenticate(request.withAuthorization(SCOPE + signedHeaders + signature)
                .build()));
        String changed = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
        ApiException refused = assertThrows(ApiException.class, () -> CHECK.authenticate(
                request.withAuthorization(SCOPE + signedHeaders + changed).build()));
        assertEquals("AccessForbidden", refused.code());
    }
}
