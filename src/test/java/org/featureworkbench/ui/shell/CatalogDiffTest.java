package org.featureworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupStatus;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;

class CatalogDiffTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static FeatureGroup group(String name) {
        return new FeatureGroup(Definitions.customers(name), T0, T0, FeatureGroupStatus.CREATED);
    }

    private static FeatureGroup tagged(String name) {
        return new FeatureGroup(Definitions.customers(name).withTags(Map.of("team", "risk")), T0,
                T0.plusSeconds(5), FeatureGroupStatus.CREATED);
    }

    @Test
    void equalListsDifferInNothing() {
        CatalogDiff diff = CatalogDiff.between(List.of(group("a"), group("b")), List.of(group("a"), group("b")));
        assertTrue(diff.isEmpty());
        assertEquals(Optional.empty(), diff.notice());
    }

    @Test
    void aCreatedGroupIsAddedWithoutANotice() {
        CatalogDiff diff = CatalogDiff.between(List.of(group("a")), List.of(group("a"), group("b")));
        assertEquals(List.of("b"), diff.created().stream().map(FeatureGroup::name).toList());
        assertTrue(diff.changed().isEmpty() && diff.deleted().isEmpty());
        assertEquals(Optional.empty(), diff.notice());
    }

    @Test
    void changedAndDeletedGroupsAreToldOneByOneOrCounted() {
        CatalogDiff changed = CatalogDiff.between(List.of(group("a"), group("b")), List.of(tagged("a"), group("b")));
        assertEquals(List.of(tagged("a")), changed.changed());
        assertEquals(Optional.of("Feature group 'a' was changed elsewhere: 4 features now"
                + " (command line, API or another window)"), changed.notice());

        CatalogDiff deleted = CatalogDiff.between(List.of(group("a"), group("b")), List.of(group("b")));
        assertEquals(Set.of("a"), deleted.deleted());
        assertEquals(Optional.of("Feature group 'a' was deleted elsewhere (command line, API or another window)"),
                deleted.notice());

        CatalogDiff both = CatalogDiff.between(List.of(group("a"), group("b")), List.of(tagged("a"), group("c")));
        assertEquals(Set.of("b"), both.deleted());
        assertEquals(List.of("a", "c"), both.createdOrChanged().stream().map(FeatureGroup::name).sorted().toList());
        assertTrue(both.notice().orElseThrow().startsWith("2 feature groups were changed or deleted elsewhere"));
    }
}
