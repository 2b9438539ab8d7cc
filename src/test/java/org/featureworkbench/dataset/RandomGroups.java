package org.featureworkbench.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;

/**
 * The randomized test's feature groups: String and Fractional event times mixed (each store has
 * both), feature names that collide across groups ({@code ts}, {@code v}, {@code seq}), one group
 * keyed by an Integral id. Every group has {@code seq}, the test's PutRecord counter, which the
 * reference uses only to order rows whose three times tie to the millisecond.
 */
final class RandomGroups {
    static final String PUT_ORDER = "seq";

    /** One generated group's shape. */
    record Shape(String name, String idName, FeatureType idType, String timeName, FeatureType timeType,
                 List<FeatureDefinition> values) {
        boolean integralId() {
            return idType == FeatureType.INTEGRAL;
        }

        List<String> valueNames() {
            return values.stream().map(FeatureDefinition::name).toList();
        }
    }

    private RandomGroups() {
    }

    static List<Shape> create(FeatureStore store, Random random) {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape("clicks", "id", FeatureType.STRING, "ts", FeatureType.STRING,
                List.of(integral("v"), integral(PUT_ORDER))));
        shapes.add(new Shape("orders", "id", FeatureType.STRING, "event_time", FeatureType.FRACTIONAL,
                List.of(fractional("f"), string("s"), integral(PUT_ORDER))));
        shapes.add(new Shape("profile", "customer", FeatureType.STRING, "ts", anyTimeType(random),
                List.of(string("s"), integral(PUT_ORDER))));
        shapes.add(new Shape("scores", "id", FeatureType.STRING, "ts", anyTimeType(random),
                List.of(integral("v"), fractional("f"), integral(PUT_ORDER))));
        shapes.add(new Shape("accounts", "n", FeatureType.INTEGRAL, "ts", anyTimeType(random),
                List.of(integral("v"), integral(PUT_ORDER))));
        for (Shape s : shapes) {
            List<FeatureDefinition> features = new ArrayList<>();
            features.add(new FeatureDefinition(s.idName(), s.idType()));
            features.add(new FeatureDefinition(s.timeName(), s.timeType()));
            features.addAll(s.values());
            // Some groups without an online store: their history reaches the offline store all the same.
            OnlineStoreConfig online = random.nextInt(3) == 0 ? OnlineStoreConfig.DISABLED : OnlineStoreConfig.ENABLED;
            store.createFeatureGroup(new FeatureGroupDefinition(s.name(), s.idName(), s.timeName(), features, "",
                    Map.of(), online, OfflineStoreConfig.ENABLED));
        }
        return shapes;
    }

    private static FeatureType anyTimeType(Random random) {
        return random.nextBoolean() ? FeatureType.STRING : FeatureType.FRACTIONAL;
    }

    private static FeatureDefinition integral(String name) {
        return new FeatureDefinition(name, FeatureType.INTEGRAL);
    }

    private static FeatureDefinition fractional(String name) {
        return new FeatureDefinition(name, FeatureType.FRACTIONAL);
    }

    private static FeatureDefinition string(String name) {
        return new FeatureDefinition(name, FeatureType.STRING);
    }
}
