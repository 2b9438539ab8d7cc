package org.featureworkbench.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.featureworkbench.api.ApiException;
import org.featureworkbench.api.ApiRequest;
import org.featureworkbench.api.GroupNames;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;

/** Group names or ARNs, query strings and JSON bodies as the runtime handlers read them. */
class RequestPartsTest {

    @Test
    void aFeatureGroupArnOfAnyRegionAndAccountNamesTheGroup() {
        assertEquals("customers", GroupNames.nameIn("customers", "FeatureGroupName"));
        assertEquals("Customers", GroupNames.nameIn(
                "arn:aws:sagemaker:eu-west-1:123456789012:feature-group/Customers", "FeatureGroupName"));
        assertEquals("customers", GroupNames.nameIn(
                "arn:aws-cn:sagemaker:cn-north-1:123456789012:feature-group/customers", "FeatureGroupName"));
        ValidationException other = assertThrows(ValidationException.class, () -> GroupNames.nameIn(
                "arn:aws:s3:::bucket", "FeatureGroupName"));
        assertTrue(other.getMessage().startsWith("FeatureGroupName: 'arn:aws:s3:::bucket' is not a feature group ARN"),
                other.getMessage());
        assertThrows(ValidationException.class, () -> GroupNames.nameIn(
                "arn:aws:iam::123456789012:feature-group/customers", "FeatureGroupName"));
    }

    @Test
    void repeatedQueryParametersKeepEveryValueInOrder() {
        QueryParameters query = QueryParameters.parse("RecordIdentifierValueAsString=a%20b%2Bc&FeatureName=x&FeatureName=y");
        assertEquals("a b+c", query.required("RecordIdentifierValueAsString"));
        assertEquals(List.of("x", "y"), query.all("FeatureName"));
        ApiException twice = assertThrows(ApiException.class, () -> query.optional("FeatureName"));
        assertTrue(twice.getMessage().contains("2 times"), twice.getMessage());
        assertThrows(ApiException.class, () -> QueryParameters.parse("a=%zz"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ApiException e = assertThrows(ApiException.class, () -> RequestBody.object(body("{\n \"Record\": [,]}"), "PutRecord"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("malformed JSON in the request body at line 2, column"), e.getMessage());
    }

    @Test
    void aRecordEntryWithoutAValueIsNamedByItsIndex() {
        ApiException e = assertThrows(ApiException.class, () -> PutRecordHandler.record(RequestBody.object(
                body("{\"Record\": [{\"FeatureName\": \"a\", \"ValueAsString\": \"1\"}, {\"FeatureName\": \"b\"}]}"),
                "PutRecord").get("Record"), "Record"));
        assertEquals("Record[1].ValueAsString is missing", e.getMessage());
    }

    private static ApiRequest body(String json) {
        return new ApiRequest("PUT", "/FeatureGroup/g", "", Map.of(), json.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }
}
