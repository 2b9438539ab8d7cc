package org.featureworkbench.testing;

import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;

/** Valid definitions that tests start from and then break one field at a time. */
public final class Definitions {
    private Definitions() {
    }

    /** customer_id (String id), event_time (String), age, score; both stores; 7-day TTL; tag team=risk. */
    public static FeatureGroupDefinition customers(String name) {
        return new FeatureGroupDefinition(name, "customer_id", "event_time",
                List.of(new FeatureDefinition("customer_id", FeatureType.STRING),
                        new FeatureDefinition("event_time", FeatureType.STRING),
                        new FeatureDefinition("age", FeatureType.INTEGRAL),
                        new FeatureDefinition("score", FeatureType.FRACTIONAL)),
                "Customer profile", Map.of("team", "risk"),
                new OnlineStoreConfig(true, new TtlDuration(TtlUnit.DAYS, 7)), OfflineStoreConfig.ENABLED);
    }
}
