package org.featureworkbench.model;

/**
 * A request broke one of the SageMaker rules. {@link #field()} names the offending field in
 * SageMaker's request vocabulary (e.g. {@code FeatureDefinitions[2].FeatureName}) so a GUI can
 * show the message beside the right input; {@link #getMessage()} is {@code field: reason}.
 */
public class ValidationException extends FeatureStoreException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    public ValidationException(String field, String reason) {
        super(field == null || field.isEmpty() ? reason : field + ": " + reason);
        this.field = field == null ? "" : field;
        this.reason = reason;
    }

    /** The field the problem is in; empty when the problem is not tied to one field. */
    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        return reason;
    }
}
