package org.featureworkbench.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.ValidationException;
import org.junit.jupiter.api.Test;

class PutRecordJsonTest {
    @Test
    void numbersKeepTheirJsonTextAndNullMeansAbsent() {
        Record record = PutRecordJson.read("{\"id\": 12345678901234567890, \"t\": 1700000000.500, \"x\": 1e3,"
                + " \"s\": \"\", \"gone\": null}", false);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "12345678901234567890");
        expected.put("t", "1700000000.500");
        expected.put("x", "1e3");
        expected.put("s", "");
        expected.put("gone", null);
        assertEquals(expected, record.values());
        assertEquals(List.of("id", "t", "x", "s", "gone"), List.copyOf(record.values().keySet()));
    }

    @Test
    void sageMakerListShapeReadsTheSameRecord() {
        Record list = PutRecordJson.read("[{\"FeatureName\": \"id\", \"ValueAsString\": \"7\"},"
                + " {\"FeatureName\": \"t\", \"ValueAsString\": \"1700000000\"}]", false);

        assertEquals(PutRecordJson.read("{\"id\": \"7\", \"t\": 1700000000}", false), list);
    }

    @Test
    void singleLinePositionsAreColumnsOnly() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> PutRecordJson.read("{\"a\": [1]}", true));

        assertEquals("feature 'a' (column 7) has an array value; a feature value must be a string or a number",
                e.getMessage());
    }

    @Test
    void listEntryWithAnUnknownFieldOrNoNameIsRejected() {
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> PutRecordJson.read("[{\"FeatureName\": \"a\", \"Value\": \"1\"}]", false));
        ValidationException noName = assertThrows(ValidationException.class,
                () -> PutRecordJson.read("[{\"ValueAsString\": \"1\"}]", false));

        assertTrue(unknown.getMessage().startsWith("unknown field 'Value' (line 1, column"), unknown.getMessage());
        assertEquals("a record list entry (line 1, column 2) has no FeatureName", noName.getMessage());
    }

    @Test
    void emptyTextSaysWhatARecordLooksLike() {
        ValidationException e = assertThrows(ValidationException.class, () -> PutRecordJson.read("  ", false));

        assertTrue(e.getMessage().startsWith("the record is empty; give a JSON object such as {"), e.getMessage());
    }
}
