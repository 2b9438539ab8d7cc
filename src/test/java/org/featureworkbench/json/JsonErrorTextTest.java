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

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"a\":1 \"b\":2}   | expected ',' or '}' after a value, found '\"' (is a comma missing?)",
        "[1 2]                   | expected ',' or ']' after a value, found '2' (is a comma missing?)",
        "{'a':1}                 | names take double quotes, not single ones: write \"name\": value",
        "{a:1}                   | expected a name in double quotes, found 'a': write \"name\": value",
        "{\"a\":1,}            | a ',' before '}' has nothing after it; remove that comma",
        "{\"a\" 1}             | expected ':' between a name and its value, found '1'",
        "{\"a\": z2}           | 'z2' is not a value: text goes in double quotes (\"z2\"); numbers, true, false and null do not",
        "{\"a\": #}            | '#' cannot start a value: text goes in double quotes; numbers, true, false and null do not",
        "{\"a\": }             | expected a value, found '}'",
        "{\"a\":1,             | the input ends inside an object: its closing '}' is missing",
        "{\"a\":1              | the input ends before the '}' that closes the object (opened at line 1, column 1)",
        "{\"a\":\"xy          | the input ends inside a text value: its closing '\"' is missing",
        "{\"a\":[1}            | found '}' where ']' should close the array opened at line 1, column 6",
        "{\"a\":07}            | a number cannot start with 0 followed by more digits (an id like 007 goes in double quotes)",
        "{\"a\": -}            | a '-' must be followed by digits, found '}'",
        "{\"a\":1.}            | a '.' in a number must be followed by a digit (write 1.0, not 1.), found '}'",
        "{\"a\":1e}            | an exponent must be followed by digits (write 1e5, not 1e), found '}'",
        "[1,]                    | expected a value, found ']' (a ',' before ']' has nothing after it; remove that comma)",
        "{\"a\": 'x'}          | text takes double quotes, not single ones: write \"text\"",
        "{\"a\": True}         | 'True' is not a value: JSON writes true, false and null in lower case",
    })
    void jacksonsSyntaxMessagesAreToldInOurWords(String json, String expected) {
        com.fasterxml.jackson.core.JsonProcessingException error = assertThrows(
                com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.strip()));
        org.junit.jupiter.api.Assertions.assertEquals(expected, JsonErrorText.plain(error.getOriginalMessage()));
    }

    @Test
    void aControlCharacterInsideTextSaysHowToEscapeIt() {
        com.fasterxml.jackson.core.JsonProcessingException error = assertThrows(
                com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"a\":\"x\ty\"}"));
        org.junit.jupiter.api.Assertions.assertEquals("a control character (code 9) inside a text value must be escaped:"
                + " write \\t for a tab, \\n for a new line", JsonErrorText.plain(error.getOriginalMessage()));
    }

    @Test
    void aMalformedRecordLineNamesItsColumnAndTheLikelySlip() {
        org.junit.jupiter.api.Assertions.assertEquals("malformed JSON at column 57: expected ',' or '}' after a value,"
                + " found '\"' (is a comma missing?)",
                rejectedOnOneLine("{\"customer_id\":\"z1\",\"event_time\":\"2026-12-01T10:00:00Z\" \"age\":4}"));
        org.junit.jupiter.api.Assertions.assertEquals("malformed JSON at column 41: found '}' where ']' should close the"
                + " array opened at column 1", rejectedOnOneLine("[{\"FeatureName\":\"a\",\"ValueAsString\":\"x\"}}"));
    }

    private static String rejectedOnOneLine(String json) {
        return assertThrows(ValidationException.class, () -> PutRecordJson.read(json, true)).getMessage();
    }
}
