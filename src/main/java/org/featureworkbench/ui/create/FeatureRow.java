package org.featureworkbench.ui.create;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;

/** One editable row of a feature table: a name and a type. */
public final class FeatureRow {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<FeatureType> type = new SimpleObjectProperty<>(this, "type", FeatureType.STRING);

    public FeatureRow() {
    }

    public FeatureRow(String name, FeatureType type) {
        this.name.set(name);
        this.type.set(type);
    }

    /** Lets an ObservableList report a change when a row's name or type is edited. */
    public static Observable[] extractor(FeatureRow row) {
        return new Observable[] {row.name, row.type};
    }

    /** The definition this row describes; the name is trimmed as a user would expect. */
    public FeatureDefinition toDefinition() {
        return new FeatureDefinition(name.get() == null ? "" : name.get().trim(), type.get());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<FeatureType> typeProperty() {
        return type;
    }
}
