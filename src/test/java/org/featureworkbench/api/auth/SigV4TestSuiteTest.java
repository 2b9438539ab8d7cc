package org.featureworkbench.api.auth;

import static org.featureworkbench.api.auth.SigV4TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's published Signature Version 4 test suite (key AKIDEXAMPLE, 2015-08-30T12:36:00Z,
 * us-east-1, service "service") and the worked examples of AWS's documentation: a request
 * carrying the published signature is accepted, and the same request with one bit of the
 * signature changed is not.
 */
class SigV4TestSuiteTest {
    private static final ApiCredentials SUITE_KEY =
            new ApiCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final String DATE = "20150830T123600Z";
    private static final Clock SUITE_CLOCK = Clock.fixed(Instant.parse("2015-08-30T12:40:00Z"), ZoneOffset.UTC);
    /** The suite signs for the service "service"; the endpoint itself insists on "sagemaker". */
    private static final SigV4Authenticator SUITE = new SigV4Authenticator(SUITE_KEY, SUITE_CLOCK, "service");
    private static final String STS_TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22w"
            + "DOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1Nt"
            + "BmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u"
            + "0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";
    private static final SigV4Authenticator SUITE_STS = new SigV4Authenticator(new ApiCredentials(
            SUITE_KEY.accessKeyId(), SUITE_KEY.secretKey(), Optional.of(STS_TOKEN)), SUITE_CLOCK, "service");

    static Stream<Arguments> suite() {
        return Stream.of(
                vector("get-vanilla", "GET", "/", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector("get-slash-dot-slash (normalized)", "GET", "/./", "",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector("get-relative-relative (normalized)", "GET", "/example1/example2/../..", "",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector("get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", "",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                vector("get-vanilla-query-unreserved", "GET",
                        "/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                + "=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "",
                        "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
                vector("get-vanilla-utf8-query", "GET", "/?%E1%88%B4=bar", "",
                        "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
                vector("get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                        "", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
                // The suite signs this path encoded once, as S3 does; accepted as the second canonical form.
                vector("get-utf8", "GET", "/%E1%88%B4", "",
                        "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
                vector("post-vanilla", "POST", "/", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                vector("post-vanilla-query", "POST", "/?Param1=value1", "",
                        "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
                vector("post-vanilla-query-nonunreserved", "POST",
                        "/?%40%23%24%25%5E=&%2B=%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D", "",
                        "66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e"));
    }

    private static Arguments vector(String name, String method, String target, String body, String signature) {
        return Arguments.of(name, request(method, target).header("Host", "example.amazonaws.com")
                .header("X-Amz-Date", DATE).body(body), "host;x-amz-date", signature);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void aPublishedSignatureIsAcceptedAndAChangedOneIsNot(String name, SigV4TestRequests request, String signed,
            String signature) {
        assertAccepted(request, signed, signature);
    }

    @Test
    void headerVectorsOfTheSuiteAreAccepted() {
        assertAccepted(suite("GET").header("My-Header1", "value2").header("My-Header1", "value2")
                .header("My-Header1", "value1"), "host;my-header1;x-amz-date",
                "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea");
        assertAccepted(suite("GET").header("My-Header1", "value4").header("My-Header1", "value1")
                .header("My-Header1", "value3").header("My-Header1", "value2"), "host;my-header1;x-amz-date",
                "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01");
        assertAccepted(suite("GET").header("My-Header1", " value1").header("My-Header2", " \"a   b   c\""),
                "host;my-header1;my-header2;x-amz-date",
                "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
        assertAccepted(suite("POST").header("My-Header1", "value1"), "host;my-header1;x-amz-date",
                "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c");
        assertAccepted(suite("POST").header("My-Header1", "VALUE1"), "host;my-header1;x-amz-date",
                "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d");
        // post-sts-token: served only by an endpoint whose credentials carry that token (ADR 0023 addendum).
        assertAccepted(SUITE_STS, suite("POST").header("X-Amz-Security-Token", STS_TOKEN),
                "host;x-amz-date;x-amz-security-token",
                "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead");
        ApiException longTerm = assertThrows(ApiException.class, () -> SUITE.authenticate(suite("POST")
                .header("X-Amz-Security-Token", STS_TOKEN).withAuthorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
                        + "20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token,"
                        + " Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead").build()));
        assertTrue(longTerm.getMessage().contains("session token"), longTerm.getMessage());
    }

    @Test
    void formBodiesOfTheSuiteAreAccepted() {
        assertAccepted(suite("POST").header("Content-Type", "application/x-www-form-urlencoded").body("Param1=value1"),
                "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
        assertAccepted(suite("POST").header("Content-Type", "application/x-www-form-urlencoded; charset=utf8")
                .body("Param1=value1"), "content-type;host;x-amz-date",
                "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe");
    }

    /** AWS's documented IAM ListUsers example: canonical request text and signature. */
    @Test
    void theDocumentedIamExampleHasAwssCanonicalRequestAndSignature() {
        SigV4TestRequests iam = request("GET", "/?Action=ListUsers&Version=2010-05-08")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Host", "iam.amazonaws.com").header("X-Amz-Date", DATE);
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                + " SignedHeaders=content-type;host;x-amz-date,"
                + " Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
        var signed = iam.header("Authorization", authorization).build();
        assertEquals("GET\n/\nAction=ListUsers&Version=2010-05-08\n"
                + "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n"
                + "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                SigV4Authenticator.canonicalRequests(signed).get(0));
        assertDoesNotThrow(() -> new SigV4Authenticator(SUITE_KEY, SUITE_CLOCK, "iam").authenticate(signed));
    }

    /** AWS's documented S3 GetObject examples: x-amz-content-sha256 signed, and a presigned URL. */
    @Test
    void theDocumentedS3ExamplesAreAccepted() {
        SigV4Authenticator s3 = new SigV4Authenticator(
                new ApiCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                Clock.fixed(Instant.parse("2013-05-24T00:05:00Z"), ZoneOffset.UTC), "s3");
        var get = request("GET", "/test.txt").header("Host", "examplebucket.s3.amazonaws.com")
                .header("Range", "bytes=0-9")
                .header("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .header("x-amz-date", "20130524T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
                        + "aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41").build();
        assertDoesNotThrow(() -> s3.authenticate(get));
        var presigned = request("GET", "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
                .header("Host", "examplebucket.s3.amazonaws.com").build();
        assertDoesNotThrow(() -> s3.authenticate(presigned));
    }

    private static SigV4TestRequests suite(String method) {
        return request(method, "/").header("Host", "example.amazonaws.com").header("X-Amz-Date", DATE);
    }

    private static void assertAccepted(SigV4TestRequests request, String signedHeaders, String signature) {
        assertAccepted(SUITE, request, signedHeaders, signature);
    }

    private static void assertAccepted(SigV4Authenticator suite, SigV4TestRequests request, String signedHeaders,
            String signature) {
        String prefix = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders="
                + signedHeaders + ", Signature=";
        SigV4TestRequests copy = request;
        assertDoesNotThrow(() -> suite.authenticate(copy.withAuthorization(prefix + signature).build()));
        String changed = signature.substring(0, 63) + (signature.charAt(63) == '0' ? '1' : '0');
        ApiException refused = assertThrows(ApiException.class,
                () -> suite.authenticate(copy.withAuthorization(prefix + changed).build()));
        assertEquals(403, refused.status());
        assertEquals("AccessForbidden", refused.code());
    }
}
