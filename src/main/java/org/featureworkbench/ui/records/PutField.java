package org.featureworkbench.ui.records;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;

/**
 * One input of the "Put record" form: a feature, the text typed for it, and the problem with
 * that text (empty when it parses as the store would parse it).
 */
public final class PutField {
    /** The part a feature plays in a record. */
    public enum Role { RECORD_ID, EVENT_TIME, FEATURE }

    private final FeatureDefinition feature;
    private final Role role;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private boolean edited;

    PutField(FeatureDefinition feature, Role role) {
        this.feature = feature;
        this.role = role;
        value.addListener((obs, old, now) -> edited = true);
    }

    /** Lets an observable list report edits of any field's value. */
    static Observable[] extractor(PutField field) {
        return new Observable[] {field.value};
    }

    public String name() {
        return feature.name();
    }

    public FeatureType type() {
        return feature.type();
    }

    public Role role() {
        return role;
    }

    /** Whether a record cannot be put without this field. */
    public boolean required() {
        return role != Role.FEATURE;
    }

    /** The type as shown beside the input, with what it accepts. */
    public String typeHint() {
        return switch (role) {
            case RECORD_ID -> feature.type().awsName() + " · record id, required";
            case EVENT_TIME -> feature.type() == FeatureType.FRACTIONAL
                    ? "Fractional · event time, seconds since the epoch" : "String · event time, ISO-8601 UTC";
            case FEATURE -> feature.type() == FeatureType.INTEGRAL ? "Integral · whole number"
                    : feature.type() == FeatureType.FRACTIONAL ? "Fractional · decimal number" : "String · text";
        };
    }

    /** The typed text; empty means "no value" for an ordinary feature. */
    public StringProperty valueProperty() {
        return value;
    }

    /** What is wrong with the value, beside the input; empty when it is fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    boolean edited() {
        return edited;
    }

    void setError(String message) {
        error.set(message == null ? "" : message);
    }
}
