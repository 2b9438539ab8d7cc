package org.featureworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;

/** Every bad PutRecord input gets a message naming the feature and the value (ADR 0004). */
class RecordValidatorTest {
    static final FeatureGroup CUSTOMERS = new FeatureGroup(Definitions.customers("customers"), Instant.EPOCH, null, null);
    static final FeatureGroup ORDERS = new FeatureGroup(new FeatureGroupDefinition("orders", "order_id", "ts",
            List.of(new FeatureDefinition("order_id", FeatureType.INTEGRAL), new FeatureDefinition("ts", FeatureType.FRACTIONAL),
                    new FeatureDefinition("note", FeatureType.STRING)),
            "", Map.of(), OnlineStoreConfig.ENABLED, null), Instant.EPOCH, null, null);

    static Map<String, String> valid() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("customer_id", "573291");
        v.put("event_time", "2023-11-14T22:13:20Z");
        v.put("age", "42");
        v.put("score", "0.75");
        return v;
    }

    static Map<String, String> with(String feature, String value) {
        Map<String, String> v = valid();
        v.put(feature, value);
        return v;
    }

    static ValidationException rejected(FeatureGroup group, Map<String, String> values) {
        return assertThrows(ValidationException.class, () -> RecordValidator.validate(group, new Record(values)));
    }

    @Test
    void aValidRecordIsTypedFeatureByFeature() {
        TypedRecord r = RecordValidator.validate(CUSTOMERS, new Record(with("score", null)));

        assertEquals("573291", r.recordIdentifier());
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), r.eventTime());
        assertEquals(42L, r.value("age"));
        assertNull(r.value("score"), "a null value is an absent feature");
    }

    @Test
    void anUnknownFeatureNamesTheFeaturesThatExist() {
        ValidationException e = rejected(CUSTOMERS, with("city", "Hamburg"));
        assertEquals("city: feature group 'customers' has no feature 'city'; its features are customer_id, event_time,"
                + " age, score", e.getMessage());
    }

    @Test
    void anUnknownFeatureDifferingOnlyInCaseSuggestsTheRealName() {
        assertEquals("Age: feature group 'customers' has no feature 'Age'; feature names are case-sensitive, did you"
                + " mean 'age'?", rejected(CUSTOMERS, with("Age", "1")).getMessage());
    }

    @Test
    void aMissingRecordIdentifierIsRejected() {
        Map<String, String> v = valid();
        v.remove("customer_id");
        assertEquals("customer_id: the record has no value for its record identifier feature 'customer_id'; every"
                + " record needs one", rejected(CUSTOMERS, v).getMessage());
    }

    @Test
    void aMissingEventTimeIsRejected() {
        assertEquals("event_time: the record has no value for its event time feature 'event_time'; every record"
                + " needs one", rejected(CUSTOMERS, with("event_time", null)).getMessage());
    }

    @Test
    void anEmptyStringRecordIdentifierIsRejected() {
        assertEquals("customer_id: the record identifier is an empty string; give a non-empty id",
                rejected(CUSTOMERS, with("customer_id", "")).getMessage());
    }

    @Test
    void aRecordIdentifierOverTwoKilobytesOfUtf8IsRejected() {
        RecordValidator.validate(CUSTOMERS, new Record(with("customer_id", "x".repeat(2048))));
        ValidationException e = rejected(CUSTOMERS, with("customer_id", "ä".repeat(1025)));
        assertEquals("customer_id: record identifier '" + "ä".repeat(37) + "...' is 2050 bytes of UTF-8; a record"
                + " identifier may be at most 2 KB (2048 bytes)", e.getMessage());
    }

    @Test
    void anIntegralThatIsNotAWholeNumberIsRejected() {
        assertEquals("age: 'forty' is not an Integral (64-bit integer); write a whole number such as 42 or -7",
                rejected(CUSTOMERS, with("age", "forty")).getMessage());
    }

    @Test
    void anIntegralWithADecimalPointIsRejectedWithTheWholeNumberToWrite() {
        assertEquals("age: '1.0' is not an Integral (64-bit integer); Integral values have no decimal point, write 1",
                rejected(CUSTOMERS, with("age", "1.0")).getMessage());
    }

    @Test
    void anIntegralBeyondSixtyFourBitsIsRejected() {
        assertEquals(Long.MAX_VALUE, RecordValidator.validate(CUSTOMERS,
                new Record(with("age", "9223372036854775807"))).value("age"));
        assertEquals("age: '9223372036854775808' is outside the Integral range"
                + " -9223372036854775808..9223372036854775807",
                rejected(CUSTOMERS, with("age", "9223372036854775808")).getMessage());
    }

    @Test
    void aFractionalAcceptsDecimalAndScientificNotation() {
        assertEquals(6.02e23, RecordValidator.validate(CUSTOMERS, new Record(with("score", "6.02E23"))).value("score"));
        assertEquals(-0.5, RecordValidator.validate(CUSTOMERS, new Record(with("score", "-.5"))).value("score"));
        assertEquals(3.0, RecordValidator.validate(CUSTOMERS, new Record(with("score", "3"))).value("score"));
    }

    @Test
    void aFractionalThatIsNotANumberIsRejected() {
        assertEquals("score: '0,75' is not a Fractional (decimal number); write e.g. 3.14, -2, 1e-3 or 6.02E23",
                rejected(CUSTOMERS, with("score", "0,75")).getMessage());
    }

    @Test
    void nanAndInfinityAreRejectedForFractional() {
        for (String v : List.of("NaN", "Infinity", "-Infinity", "inf")) {
            assertEquals("score: '" + v + "' is not accepted for a Fractional feature: NaN and Infinity are not"
                    + " stored; leave the feature out of the record for no value",
                    rejected(CUSTOMERS, with("score", v)).getMessage());
        }
    }

    @Test
    void aFractionalBeyondTheDoubleRangeIsRejected() {
        assertEquals("score: '1e400' is outside the range of a Fractional (IEEE-754 double, about ±1.8E308)",
                rejected(CUSTOMERS, with("score", "1e400")).getMessage());
    }

    @Test
    void anEventTimeInAnotherFormatIsRejected() {
        assertEquals("event_time: '2023-11-14 22:13:20' is not a SageMaker event time; write ISO-8601 UTC as"
                + " yyyy-MM-ddTHH:mm:ssZ or yyyy-MM-ddTHH:mm:ss.SSSZ, e.g. 2023-11-14T22:13:20Z",
                rejected(CUSTOMERS, with("event_time", "2023-11-14 22:13:20")).getMessage());
    }

    @Test
    void anEventTimeOutOfRangeIsRejected() {
        Map<String, String> order = Map.of("order_id", "1", "ts", "-62167219200.001");
        assertEquals("ts: event time '-62167219200.001' is outside years 0000-9999",
                rejected(ORDERS, order).getMessage());
    }

    @Test
    void aFractionalEventTimeIsTypedAsADouble() {
        TypedRecord r = RecordValidator.validate(ORDERS, new Record(Map.of("order_id", "7", "ts", "1700000000.123")));
        assertEquals(7L, r.recordIdentifier());
        assertEquals(1700000000.123, r.value("ts"));
        assertEquals(Instant.ofEpochMilli(1700000000123L), r.eventTime());
    }

    @Test
    void aStringValueOverThreeHundredFiftyKilobytesIsRejected() {
        RecordValidator.validate(ORDERS, new Record(Map.of("order_id", "1", "ts", "1", "note", "n".repeat(358_000))));
        ValidationException e = rejected(ORDERS, Map.of("order_id", "1", "ts", "1", "note", "n".repeat(358_401)));
        assertEquals("note: value '" + "n".repeat(37) + "...' is 358401 bytes of UTF-8; a feature value may be at"
                + " most 350 KB (358400 bytes)", e.getMessage());
    }

    @Test
    void aFeatureGivenTwiceIsRejectedByTheBuilder() {
        Record.Builder b = Record.builder().put("age", "1");
        assertEquals("age: feature 'age' is given twice in the record; give each feature once",
                assertThrows(ValidationException.class, () -> b.put("age", "2")).getMessage());
    }

    @Test
    void aRecordTtlOverridesTheGroupTtl() {
        TypedRecord r = RecordValidator.validate(CUSTOMERS, new Record(valid()));
        assertEquals(r.eventTime().plusSeconds(7 * 86400), r.expiresAt(CUSTOMERS.definition(), null));
        assertEquals(r.eventTime().plusSeconds(60), r.expiresAt(CUSTOMERS.definition(), new TtlDuration(TtlUnit.MINUTES, 1)));
        assertNull(r.expiresAt(ORDERS.definition(), null));
    }

    @Test
    void fractionalValuesFormatBackInAFormTheParserAccepts() {
        assertEquals("1700000000.123", FeatureValues.format(1700000000.123));
        assertEquals("0.5", FeatureValues.format(0.5));
        assertEquals("1.0E-10", FeatureValues.format(1e-10));
        assertEquals("42", FeatureValues.format(42L));
    }
}
