package org.featureworkbench.ui.ingest;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.ui.create.FeatureRow;

/**
 * One source column in the definition step: whether it becomes a feature, and the feature's
 * (editable) name and type, which start as inference suggested.
 */
public final class ColumnRow {
    private final InferredGroup.Column profile;
    private final BooleanProperty include = new SimpleBooleanProperty(this, "include", true);
    private final FeatureRow feature;

    public ColumnRow(InferredGroup.Column profile) {
        this.profile = profile;
        this.feature = new FeatureRow(profile.featureName(), profile.type());
    }

    /** Lets an ObservableList report a change when the row is ticked, renamed or retyped. */
    public static Observable[] extractor(ColumnRow row) {
        return new Observable[] {row.include, row.feature.nameProperty(), row.feature.typeProperty()};
    }

    /** The column's name in the file. */
    public String column() {
        return profile.column();
    }

    /** What the sample showed about the column. */
    public InferredGroup.Column profile() {
        return profile;
    }

    public BooleanProperty includeProperty() {
        return include;
    }

    /** The feature the column becomes: name and type. */
    public FeatureRow feature() {
        return feature;
    }

    /** The trimmed feature name. */
    public String featureName() {
        String n = feature.nameProperty().get();
        return n == null ? "" : n.trim();
    }
}
