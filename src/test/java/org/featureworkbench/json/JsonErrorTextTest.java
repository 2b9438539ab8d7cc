package org.featureworkbench.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;

/** JSON input SageMaker refuses, and Jackson's advice to programmers replaced by ours (issue 12). */
class JsonErrorTextTest {

    @Test
    void nanInARecordSaysJsonHasNoNanInsteadOfNamingAJacksonFeature() {
        String message = rejected("{\"customer_id\":\"c1\",\"age\":NaN}");

        assertFalse(message.contains("JsonReadFeature") || message.contains("ALLOW_"), message);
        assertTrue(message.contains("'NaN' is not a JSON number (JSON has no NaN or Infinity)"), message);
        assertTrue(message.contains("line 1, column 30"), message);
    }

    @Test
    void otherNonStandardJsonIsNamedWithoutLibraryAdvice() {
        for (String json : new String[] {"{\"a\":-Infinity}", "{\"a\":1} // note", "{\"a\":+1}", "{'a':1}"}) {
            String message = rejected(json);
            assertFalse(message.contains("JsonReadFeature") || message.contains("ALLOW_")
                    || message.contains("not enabled for parser"), message);
        }
    }

    @Test
    void recordListEntryWithoutValueAsStringIsRefusedNotDropped() {
        String message = rejected("[{\"FeatureName\":\"customer_id\",\"ValueAsString\":\"c1\"},"
                + "{\"FeatureName\":\"age\"}]");

        assertTrue(message.startsWith("age: "), message);
        assertTrue(message.contains("has no ValueAsString"), message);
        assertTrue(message.contains("(line 1, column 53)"), message);
    }

    @Test
    void recordListEntryWithANullValueIsRefusedToo() {
        assertTrue(rejected("[{\"FeatureName\":\"age\",\"ValueAsString\":null}]").contains("has no ValueAsString"));
    }

    @Test
    void lowerCaseFeatureTypeInACreateRequestNamesFileLineAndTheRightSpelling() {
        String json = "{\"FeatureGroupName\":\"g\",\"RecordIdentifierFeatureName\":\"id\",\n"
                + "\"EventTimeFeatureName\":\"t\",\"FeatureDefinitions\":[\n"
                + "{\"FeatureName\":\"id\",\"FeatureType\":\"string\"},\n"
                + "{\"FeatureName\":\"t\",\"FeatureType\":\"String\"}],\n"
                + "\"OnlineStoreConfig\":{\"EnableOnlineStore\":true}}";

        String message = assertThrows(ValidationException.class, () -> CreateFeatureGroupJson.read(json, "g.json"))
                .getMessage();

        assertTrue(message.contains("FeatureType 'string' must be written 'String'"), message);
        assertTrue(message.contains("g.json:3:"), message);
    }

    @Test
    void malformedRequestFileNamesNoJacksonFeature() {
        String message = assertThrows(ValidationException.class,
                () -> CreateFeatureGroupJson.read("{\"FeatureGroupName\": NaN}", "g.json")).getMessage();

        assertTrue(message.startsWith("g.json:1:"), message);
        assertFalse(message.contains("JsonReadFeature"), message);
    }

    private static String rejected(String json) {
        return assertThrows(ValidationException.class, () -> PutRecordJson.read(json, false)).getMessage();
    }

    @Test
    void anUnclosedArraySaysWhereItOpenedWithoutJacksonsSourceDescription() {
        com.fasterxml.jackson.core.JsonProcessingException error = assertThrows(
                com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"Record\":["));
        String message = JsonErrorText.plain(error.getOriginalMessage());
        assertFalse(message.contains("StreamReadFeature") || message.contains("Source:"), message);
        assertTrue(message.contains("(opened at line 1, column 11)"), message);
    }
}
