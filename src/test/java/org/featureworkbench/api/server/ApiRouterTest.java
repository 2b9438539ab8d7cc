package org.featureworkbench.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.junit.jupiter.api.Test;

/**
 * Method and path to operation, on ApiRequest values. The router gets no store: every request here
 * is decided (or refused) before an operation would touch one.
 */
class ApiRouterTest {
    private final ApiRouter router = new ApiRouter(null);

    @Test
    void eachPathRefusesTheMethodsItDoesNotServe() {
        assertEquals(405, route("GET", "/FeatureGroup/customers/ListRecords", "").status());
        assertEquals(405, route("PUT", "/BatchWriteRecord", "").status());
        ApiException patch = route("PATCH", "/FeatureGroup/customers", "");
        assertEquals(405, patch.status());
        assertTrue(patch.getMessage().contains("PUT (PutRecord), GET (GetRecord) or DELETE (DeleteRecord)"));
    }

    @Test
    void aPathOutsideBothApisIsUnknown() {
        for (String path : List.of("/FeatureGroup/", "/featuregroup/customers", "/BatchGetRecords", "/a/b")) {
            ApiException e = route("GET", path, "");
            assertEquals(404, e.status(), path);
        }
    }

    @Test
    void theControlPlaneNeedsPostAndASageMakerTarget() {
        ApiException none = route("POST", "/", "{}");
        assertTrue(none.getMessage().contains("no X-Amz-Target"), none.getMessage());
        ApiException other = assertThrows(ApiException.class, () -> router.route(new ApiRequest("POST", "/", "",
                Map.of("x-amz-target", List.of("DynamoDB_20120810.GetItem")), new byte[0], null)));
        assertTrue(other.getMessage().contains("DynamoDB_20120810.GetItem"), other.getMessage());
        assertFalse(ApiRouter.isControlPlane(new ApiRequest("POST", "/", "", Map.of(), new byte[0], null)));
    }

    @Test
    void aMalformedEscapeInTheGroupSegmentIsAValidationError() {
        ApiException e = route("GET", "/FeatureGroup/cust%zzomers", "");
        assertEquals("ValidationError", e.code());
        assertTrue(e.getMessage().contains("cust%zzomers"), e.getMessage());
    }

    private ApiException route(String method, String path, String body) {
        return assertThrows(ApiException.class, () -> router.route(new ApiRequest(method, path, "", Map.of(),
                body.getBytes(StandardCharsets.UTF_8), null)));
    }
}
