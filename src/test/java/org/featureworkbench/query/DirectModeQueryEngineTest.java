package org.featureworkbench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every crafted case of {@link QueryEngineTest} again with no copy: the relations are views over
 * the Parquet files, as in a process that could not own the copy (the CLI while the GUI is open).
 */
class DirectModeQueryEngineTest extends QueryEngineTest {
    @BeforeEach
    void readFilesDirectly() {
        System.setProperty(FeatureStore.QUERY_COPY_MODE, "direct");
    }

    @AfterEach
    void restoreDefault() {
        System.clearProperty(FeatureStore.QUERY_COPY_MODE);
    }

    @Test
    void nothingIsCopiedInDirectMode() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            assertEquals(1L, f.single("SELECT count(*) FROM g_latest"));
            assertFalse(Files.exists(dir.resolve("query").resolve("mirror.duckdb")));
        }
    }
}
