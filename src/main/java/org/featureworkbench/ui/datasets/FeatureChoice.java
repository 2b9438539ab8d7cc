package org.featureworkbench.ui.datasets;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One feature of a joined group in its checklist: its name and whether the dataset takes it. */
public final class FeatureChoice {
    private final String name;
    private final BooleanProperty chosen;

    FeatureChoice(String name, boolean chosen) {
        this.name = name;
        this.chosen = new SimpleBooleanProperty(this, "chosen", chosen);
    }

    public String name() {
        return name;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    boolean chosen() {
        return chosen.get();
    }
}
