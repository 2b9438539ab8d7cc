package org.featureworkbench.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.featureworkbench.model.CatalogStamp;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureMetadataUpdate;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.model.GroupSearchQuery;
import org.featureworkbench.model.TtlDuration;

/**
 * The persistent catalog of feature group definitions (SageMaker's control plane).
 *
 * <p>Contract: every mutating method validates its input with
 * {@link org.featureworkbench.model.FeatureGroupValidator} first and is atomic: it either
 * succeeds completely or changes nothing. Implementations are thread-safe and may be used by
 * several processes on one workspace; a change made by another process is visible to the next
 * call. Arguments are never null unless stated.
 */
public interface FeatureGroupCatalog extends AutoCloseable {

    /**
     * Creates a group with the given creation time (the facade picks it, second precision, so
     * that the offline folder {@code <name>-<epoch s>} is new).
     *
     * @throws org.featureworkbench.model.ValidationException   when the definition breaks a rule
     * @throws org.featureworkbench.model.ResourceInUseException when the name is taken
     */
    FeatureGroup create(FeatureGroupDefinition definition, Instant creationTime);

    /** The group with exactly this name, or empty. */
    Optional<FeatureGroup> find(String name);

    /** {@link #find} with the row's version stamp, for {@link GroupCache}. */
    Optional<CatalogEntry> findEntry(String name);

    /** Only the current version stamp of the group (cheaper than {@link #findEntry}), or empty. */
    OptionalLong version(String name);

    /** The catalog's fingerprint: changes whenever a group is created, changed or deleted. */
    CatalogStamp stamp();

    /** ListFeatureGroups: groups whose name contains the text, sorted as asked. */
    List<FeatureGroup> list(GroupListQuery query);

    /** Search: groups matching every criterion of the query, sorted by name. */
    List<FeatureGroup> search(GroupSearchQuery query);

    /**
     * UpdateFeatureGroup with FeatureAdditions: appends new features (names must be new).
     *
     * @throws org.featureworkbench.model.ResourceNotFoundException when the group does not exist
     */
    FeatureGroup addFeatures(String groupName, List<FeatureDefinition> additions);

    /**
     * UpdateFeatureGroup with OnlineStoreConfig: sets the group's default online TTL, or removes it
     * when {@code ttl} is null. Records already stored keep the ExpiresAt they were written with.
     *
     * @throws org.featureworkbench.model.ResourceNotFoundException when the group does not exist
     * @throws org.featureworkbench.model.ValidationException      when the group has no online store
     */
    FeatureGroup updateOnlineTtl(String groupName, TtlDuration ttl);

    /**
     * UpdateFeatureMetadata for one feature.
     *
     * @throws org.featureworkbench.model.ResourceNotFoundException when group or feature does not exist
     */
    FeatureGroup updateFeatureMetadata(String groupName, String featureName, FeatureMetadataUpdate update);

    /**
     * AddTags / DeleteTags in one step: removals first, then additions (overwriting values).
     *
     * @throws org.featureworkbench.model.ResourceNotFoundException when the group does not exist
     */
    FeatureGroup updateTags(String groupName, Map<String, String> additions, Collection<String> removals);

    /**
     * Removes the catalog entry and returns what it was.
     *
     * @throws org.featureworkbench.model.ResourceNotFoundException when the group does not exist
     */
    FeatureGroup delete(String groupName);

    /** Releases connections; further calls fail. */
    @Override
    void close();
}
