package org.featureworkbench.ui.create;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable key/value row of a tag table. */
public final class TagRow {
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");

    public TagRow() {
    }

    public TagRow(String key, String value) {
        this.key.set(key);
        this.value.set(value);
    }

    /** Lets an ObservableList report a change when a row is edited. */
    public static Observable[] extractor(TagRow row) {
        return new Observable[] {row.key, row.value};
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }
}
