package org.featureworkbench.ui.datasets;

import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.model.FeatureGroup;

/**
 * The feature groups a dataset can read (those with an offline store: the builder reads their
 * history), as last loaded from the store. Shared by the base and every joined group of the page.
 */
final class DatasetGroups {
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private List<FeatureGroup> groups = List.of();

    /** Replaces the known groups (on the UI thread, after a load). */
    void set(List<FeatureGroup> all) {
        groups = all.stream().filter(g -> g.definition().offlineStore().enabled()).toList();
        names.setAll(groups.stream().map(FeatureGroup::name).toList());
    }

    Optional<FeatureGroup> find(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** Group names, sorted as the store lists them. */
    ObservableList<String> names() {
        return names;
    }
}
