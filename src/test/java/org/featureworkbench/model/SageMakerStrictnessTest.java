package org.featureworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inputs SageMaker refuses that we used to accept (issue 12), and file-system failures in our words. */
class SageMakerStrictnessTest {

    @Test
    void recordIdOfOnlySpacesIsRefusedAsIngestRefusesIt() {
        ValidationException e = RecordValidatorTest.rejected(RecordValidatorTest.CUSTOMERS,
                RecordValidatorTest.with("customer_id", "   "));

        assertEquals("customer_id", e.field());
        assertTrue(e.getMessage().contains("holds only spaces"), e.getMessage());
    }

    @Test
    void aBlankIdStoredBeforeTheRuleCanStillBeLookedUpAndDeleted() {
        // Lookups, deletes and journal replays parse ids this way; only new records are refused.
        assertEquals("   ", RecordValidator.parseRecordIdentifier(RecordValidatorTest.CUSTOMERS.definition(), "   "));
    }

    @Test
    void recordIdWithSpacesAroundAVisibleCharacterIsStillAnId() {
        TypedRecord record = RecordValidator.validate(RecordValidatorTest.CUSTOMERS,
                new Record(RecordValidatorTest.with("customer_id", " c1 ")));

        assertEquals(" c1 ", record.recordIdentifier());
    }

    @Test
    void featureTypeInARequestIsCaseSensitiveAsSageMakersEnum() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> FeatureType.fromAwsNameExact("string", "FeatureDefinitions[1].FeatureType"));

        assertTrue(e.getMessage().contains("'string' must be written 'String'"), e.getMessage());
        assertEquals(FeatureType.STRING, FeatureType.fromAwsNameExact("String", "f"));
        assertTrue(assertThrows(ValidationException.class, () -> FeatureType.fromAwsNameExact("Text", "f"))
                .getMessage().contains("use one of Integral, Fractional, String"));
        // The command line's --feature NAME:TYPE stays forgiving: it is ours, not a request file.
        assertEquals(FeatureType.STRING, FeatureType.fromAwsName("string", "f"));
    }

    @Test
    void tagKeysStartingWithAwsInAnyCaseAreRefused() {
        for (String key : new String[] {"aws:owner", "AWS:owner", "Aws:"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> FeatureGroupValidator.validateTags(Map.of(key, "x")));
            assertTrue(e.getMessage().contains("a prefix AWS reserves"), e.getMessage());
        }
        FeatureGroupValidator.validateTags(Map.of("owner", "x", "team:aws", "y"));
    }

    @Test
    void invalidGroupNameComesWithAValidOneLikeIt() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> NameRules.checkGroupNameSuggesting("a/b", "--name"));

        assertEquals("--name", e.field());
        assertTrue(e.getMessage().endsWith("e.g. 'a-b'"), e.getMessage());
        assertEquals("sales-2024-q1", NameRules.validGroupNameLike("_sales 2024 (q1)_"));
        assertEquals("", NameRules.validGroupNameLike("///"));
        assertFalse(assertThrows(ValidationException.class, () -> NameRules.checkGroupNameSuggesting("///", "n"))
                .getMessage().contains("e.g."));
    }

    @Test
    void fileSystemFailuresAreSaidWithoutJavaClassNames() {
        assertEquals("/data/x.csv does not exist", IoProblems.reason(new NoSuchFileException("/data/x.csv")));
        assertEquals("/data: permission denied", IoProblems.reason(new AccessDeniedException("/data")));
        String wrapped = new UncheckedIOException(new NoSuchFileException("/a")).getMessage();
        assertTrue(wrapped.contains("java.nio"), "the JDK's own wrapper message names the class: " + wrapped);
        assertFalse(IoProblems.reason(new IOException()).contains("Exception"));
    }

    @Test
    void anyFailureAFrontEndShowsNamesNoJavaClass() {
        assertEquals("/a does not exist", IoProblems.describe(new UncheckedIOException(new NoSuchFileException("/a"))));
        assertEquals("g: bad", IoProblems.describe(new ValidationException("g", "bad")));
        String bug = IoProblems.describe(new NullPointerException("Cannot invoke \"String.length()\""));
        assertTrue(bug.contains("the workspace log has the details"), bug);
        assertFalse(bug.contains("String.length") || bug.contains("NullPointer"), bug);
    }
}
