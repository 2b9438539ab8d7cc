package org.featureworkbench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace closed and opened again in the same process (the GUI's repair into a new database
 * file does this) gets a working query engine, even when a result of the first store was never
 * closed, as a page showing it leaves it.
 */
class ReopenInOneProcessTest {
    @TempDir
    Path dir;

    @Test
    void aResultLeftOpenDoesNotBreakTheQueryEngineOfTheReopenedWorkspace() {
        QueryResult leftOpen;
        try (QueryFixture first = new QueryFixture(dir)) {
            first.group("g", FeatureType.STRING).put("g", "id", "a", "ts", "2024-01-01T00:00:00Z");
            leftOpen = first.store.query().run("SELECT * FROM g", QueryOptions.DEFAULT, new QueryCancellation());
            assertThat(leftOpen.page(0, 10)).hasSize(1);
        }
        try (QueryFixture second = new QueryFixture(dir)) {
            second.put("g", "id", "b", "ts", "2024-01-02T00:00:00Z");
            assertThat(second.single("SELECT count(*) FROM g")).isEqualTo(2L);
            assertThat(second.store.query().engine().persistentCopy()).as("the reopened store owns the copy file again").isTrue();
        }
        assertThatThrownBy(() -> leftOpen.page(0, 10)).isInstanceOf(FeatureStoreException.class)
                .hasMessageContaining("could not read rows of the query result");
    }

    @Test
    void closingTheStoreEndsAQueryStillStreaming() {
        QueryResult leftOpen;
        try (QueryFixture first = new QueryFixture(dir)) {
            first.group("g", FeatureType.STRING).put("g", "id", "a", "ts", "2024-01-01T00:00:00Z");
            leftOpen = first.store.query().run("SELECT * FROM range(1000000)", QueryOptions.DEFAULT,
                    new QueryCancellation());
        }
        assertThatThrownBy(() -> leftOpen.page(500_000, 10)).isInstanceOf(FeatureStoreException.class);
        try (QueryFixture second = new QueryFixture(dir)) {
            assertThat(second.single("SELECT count(*) FROM g")).isEqualTo(1L);
        }
    }
}
