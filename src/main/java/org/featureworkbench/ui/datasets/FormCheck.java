package org.featureworkbench.ui.datasets;

import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.ValidationException;

/**
 * One pass over the Datasets form: each field is read with {@link #read}, which writes the field's
 * problem (or nothing) to its message property, so every bad field is marked at once rather than
 * one per click. {@link #summary()} is the banner line when something is wrong.
 */
final class FormCheck {
    private int problems;
    private String first = "";

    /**
     * Parses one field.
     *
     * @param message the field's inline message, set to the problem or cleared
     * @param parse   reads the field; throws {@link IllegalArgumentException} or
     *                {@link FeatureStoreException} with a message fit for the user
     * @return the value, or null when the field is wrong
     */
    <T> T read(StringProperty message, Supplier<T> parse) {
        try {
            T value = parse.get();
            message.set("");
            return value;
        } catch (ValidationException e) {
            fail(message, e.reason());
        } catch (IllegalArgumentException | FeatureStoreException e) {
            fail(message, e.getMessage());
        }
        return null;
    }

    /** Marks a field wrong with {@code text}. */
    void fail(StringProperty message, String text) {
        message.set(text);
        problems++;
        if (first.isEmpty()) {
            first = text;
        }
    }

    boolean ok() {
        return problems == 0;
    }

    /** "Check the field marked in red: …" or "Check the 3 fields marked in red (first: …)". */
    String summary() {
        if (problems == 0) {
            return "";
        }
        return problems == 1 ? "Check the field marked in red: " + first
                : "Check the " + problems + " fields marked in red (first: " + first + ")";
    }
}
