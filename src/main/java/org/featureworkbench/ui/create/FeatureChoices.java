package org.featureworkbench.ui.create;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.featureworkbench.model.FeatureType;

/**
 * Keeps a picker's choices (record identifier or event time) in step with the feature table:
 * only named features of the allowed types are offered, and a chosen feature that was renamed,
 * removed or changed to a disallowed type is unselected rather than left dangling. Used by the
 * New group dialog and the ingest wizard's definition step.
 */
public final class FeatureChoices {
    private final ObservableList<String> choices;
    private final StringProperty chosen;
    private final Set<FeatureType> allowed;

    public FeatureChoices(ObservableList<String> choices, StringProperty chosen, Set<FeatureType> allowed) {
        this.choices = choices;
        this.chosen = chosen;
        this.allowed = allowed;
    }

    public void update(List<FeatureRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        for (FeatureRow row : rows) {
            String name = row.nameProperty().get() == null ? "" : row.nameProperty().get().trim();
            if (!name.isEmpty() && allowed.contains(row.typeProperty().get())) {
                names.add(name);
            }
        }
        String previous = chosen.get();
        if (!choices.equals(List.copyOf(names))) {
            // A ComboBox may clear its value when its items are replaced; restore it below.
            choices.setAll(names);
        }
        chosen.set(previous != null && names.contains(previous) ? previous : null);
    }
}
