package org.featureworkbench.ui.records;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.ValidationException;

/**
 * Checks the "Put record" inputs with the store's own {@link RecordValidator}, so the form
 * accepts exactly what PutRecord accepts and says why beside the input it is about.
 */
final class PutRecordChecks {
    private PutRecordChecks() {
    }

    /** One input per feature, in the group's order. */
    static List<PutField> fieldsOf(FeatureGroupDefinition d) {
        return d.features().stream().map(f -> new PutField(f,
                f.name().equals(d.recordIdentifierFeatureName()) ? PutField.Role.RECORD_ID
                        : f.name().equals(d.eventTimeFeatureName()) ? PutField.Role.EVENT_TIME
                        : PutField.Role.FEATURE)).toList();
    }

    /** The record the inputs describe: empty inputs are left out (no value). */
    static Record record(List<PutField> fields) {
        Record.Builder b = Record.builder();
        fields.stream().filter(f -> !f.valueProperty().get().isEmpty())
                .forEach(f -> b.put(f.name(), f.valueProperty().get()));
        return b.build();
    }

    /**
     * Sets every field's error and the whole-record error.
     *
     * @return whether the record can be put
     */
    static boolean checkFields(FeatureGroup group, List<PutField> fields, ReadOnlyStringWrapper recordError) {
        boolean ok = true;
        for (PutField f : fields) {
            String value = f.valueProperty().get();
            String problem;
            if (value.isEmpty()) {
                problem = f.required() && f.edited() ? "Required: every record needs its "
                        + (f.role() == PutField.Role.RECORD_ID ? "record identifier." : "event time.") : "";
                ok &= !f.required();
            } else {
                problem = problemOf(group, f.name(), value);
                ok &= problem.isEmpty();
            }
            f.setError(problem);
        }
        recordError.set("");
        if (ok) {
            // Rules about the whole record (its total size) only show once every value parses.
            try {
                RecordValidator.validate(group, record(fields));
            } catch (ValidationException e) {
                recordError.set(e.getMessage());
                ok = false;
            }
        }
        return ok;
    }

    /**
     * The validator's message for one value, or empty. The value is validated alone: a record
     * without an id or event time fails later, on a field other than this one, which is ignored.
     */
    private static String problemOf(FeatureGroup group, String feature, String value) {
        try {
            RecordValidator.validate(group, Record.builder().put(feature, value).build());
        } catch (ValidationException e) {
            if (e.field().equals(feature)) {
                return e.reason();
            }
        }
        return "";
    }

    /** The problem with an optional record TTL such as {@code 12h}, or empty. */
    static String ttlProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            TtlDuration.parse(text, "TTL");
            return "";
        } catch (ValidationException e) {
            return e.reason();
        }
    }
}
