package org.featureworkbench.ui.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.featureworkbench.model.FeatureGroup;

/**
 * What changed between the groups a window shows and the catalog as read now, and the status
 * line that tells the user about it. Creations are not told (the new group simply appears in
 * the list, and an ingest of this window that creates a group would otherwise be reported as
 * someone else's); changes and deletions are, since they change or empty the page being looked at.
 *
 * @param created names of groups that are new
 * @param changed the new version of each group whose definition changed
 * @param deleted names of groups that are gone
 */
record CatalogDiff(List<FeatureGroup> created, List<FeatureGroup> changed, Set<String> deleted) {

    static CatalogDiff between(List<FeatureGroup> shown, List<FeatureGroup> now) {
        Map<String, FeatureGroup> before = new HashMap<>();
        shown.forEach(g -> before.put(g.name(), g));
        List<FeatureGroup> created = new ArrayList<>();
        List<FeatureGroup> changed = new ArrayList<>();
        for (FeatureGroup group : now) {
            FeatureGroup old = before.remove(group.name());
            if (old == null) {
                created.add(group);
            } else if (!old.equals(group)) {
                changed.add(group);
            }
        }
        Set<String> deleted = new LinkedHashSet<>();
        shown.stream().map(FeatureGroup::name).filter(before::containsKey).forEach(deleted::add);
        return new CatalogDiff(created, changed, deleted);
    }

    boolean isEmpty() {
        return created.isEmpty() && changed.isEmpty() && deleted.isEmpty();
    }

    List<FeatureGroup> createdOrChanged() {
        List<FeatureGroup> all = new ArrayList<>(created);
        all.addAll(changed);
        return all;
    }

    /** The status line for changes and deletions, empty when only groups were created. */
    Optional<String> notice() {
        int told = changed.size() + deleted.size();
        if (told == 0) {
            return Optional.empty();
        }
        if (told > 1) {
            return Optional.of(told + " feature groups were changed or deleted elsewhere (command line, API or "
                    + "another window)");
        }
        if (!deleted.isEmpty()) {
            return Optional.of("Feature group '" + deleted.iterator().next()
                    + "' was deleted elsewhere (command line, API or another window)");
        }
        FeatureGroup group = changed.get(0);
        int n = group.features().size();
        return Optional.of("Feature group '" + group.name() + "' was changed elsewhere: " + n
                + (n == 1 ? " feature" : " features") + " now (command line, API or another window)");
    }
}
