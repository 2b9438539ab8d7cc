package org.featureworkbench.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user asks for when creating a feature group (SageMaker's CreateFeatureGroup request,
 * minus the cloud-only fields). Construction does not validate; call
 * {@link FeatureGroupValidator#validate(FeatureGroupDefinition)} (the catalog always does).
 *
 * @param name                        feature group name
 * @param recordIdentifierFeatureName the feature that identifies a record
 * @param eventTimeFeatureName        the feature that holds each record's event time
 * @param features                    feature definitions in declaration order (unmodifiable)
 * @param description                 free text, empty when unset, never null
 * @param tags                        tags in insertion order (unmodifiable), never null
 * @param onlineStore                 online store settings, never null
 * @param offlineStore                offline store settings, never null
 */
public record FeatureGroupDefinition(
        String name,
        String recordIdentifierFeatureName,
        String eventTimeFeatureName,
        List<FeatureDefinition> features,
        String description,
        Map<String, String> tags,
        OnlineStoreConfig onlineStore,
        OfflineStoreConfig offlineStore) {

    public FeatureGroupDefinition {
        features = features == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(features));
        description = description == null ? "" : description;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        onlineStore = onlineStore == null ? OnlineStoreConfig.DISABLED : onlineStore;
        offlineStore = offlineStore == null ? OfflineStoreConfig.DISABLED : offlineStore;
    }

    /** The feature with this exact name, if any. */
    public Optional<FeatureDefinition> feature(String featureName) {
        return features.stream().filter(f -> f.name().equals(featureName)).findFirst();
    }

    public FeatureDefinition recordIdentifierFeature() {
        return feature(recordIdentifierFeatureName).orElseThrow();
    }

    public FeatureDefinition eventTimeFeature() {
        return feature(eventTimeFeatureName).orElseThrow();
    }

    public FeatureGroupDefinition withFeatures(List<FeatureDefinition> newFeatures) {
        return new FeatureGroupDefinition(name, recordIdentifierFeatureName, eventTimeFeatureName, newFeatures,
                description, tags, onlineStore, offlineStore);
    }

    public FeatureGroupDefinition withTags(Map<String, String> newTags) {
        return new FeatureGroupDefinition(name, recordIdentifierFeatureName, eventTimeFeatureName, features,
                description, newTags, onlineStore, offlineStore);
    }

    public FeatureGroupDefinition withOnlineStore(OnlineStoreConfig newOnlineStore) {
        return new FeatureGroupDefinition(name, recordIdentifierFeatureName, eventTimeFeatureName, features,
                description, tags, newOnlineStore, offlineStore);
    }
}
