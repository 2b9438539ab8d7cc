package org.featureworkbench.query;

import org.featureworkbench.core.FeatureStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link QueryControlTest} with no copy: queries racing compaction hold the files they read. */
class DirectModeQueryControlTest extends QueryControlTest {
    @BeforeEach
    void readFilesDirectly() {
        System.setProperty(FeatureStore.QUERY_COPY_MODE, "direct");
    }

    @AfterEach
    void restoreDefault() {
        System.clearProperty(FeatureStore.QUERY_COPY_MODE);
    }
}
