package org.featureworkbench.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;

/**
 * SageMaker's CreateFeatureGroup request as JSON, read and written the way boto3 and
 * {@code aws sagemaker create-feature-group --cli-input-json} take it.
 *
 * <p>Reading accepts every field of the real request. Cloud-only fields (RoleArn,
 * ThroughputConfig, OnlineStoreConfig.SecurityConfig/StorageType, OfflineStoreConfig.S3StorageConfig
 * (unless it is the local placeholder {@link #LOCAL_S3_URI})/DataCatalogConfig/TableFormat, FeatureDefinitions[].CollectionType/CollectionConfig) and unknown
 * fields are ignored with a warning naming the field and its {@code file:line:column}. A present
 * OfflineStoreConfig enables the offline store; OnlineStoreConfig.EnableOnlineStore=true enables
 * the online store. Reading checks shapes and types only; the SageMaker rules
 * ({@link org.featureworkbench.model.FeatureGroupValidator}) run when the catalog creates the group.
 *
 * <p>Stateless and thread-safe.
 */
public final class CreateFeatureGroupJson {
    /**
     * The S3Uri written for a local offline store: SageMaker requires one, and this placeholder
     * stands for {@code <workspace>/offline-store}. Read back, it (or anything under
     * {@code s3://local-workbench/}) is taken without a warning; any other S3 location is
     * a cloud-only setting and is ignored with one.
     */
    public static final String LOCAL_S3_URI = "s3://local-workbench/offline-store";
    static final String LOCAL_S3_PREFIX = "s3://local-workbench/";

    private CreateFeatureGroupJson() {
    }

    /**
     * Reads a CreateFeatureGroup request.
     *
     * @param json       the request text
     * @param sourceName what to call the text in messages, typically the file name
     * @return the definition and the warnings about ignored fields
     * @throws org.featureworkbench.model.ValidationException for malformed JSON (message names
     *         {@code sourceName:line:column}), a wrong shape or a missing required field (field is
     *         the JSON path, e.g. {@code FeatureDefinitions[2].FeatureType}), or an unknown type
     */
    public static ParsedDefinition read(String json, String sourceName) {
        return new CreateRequestReader(JsonSource.parse(json, sourceName)).read();
    }

    /**
     * Writes the request that would create {@code group} again, pretty-printed; {@link #read}
     * accepts it back without warnings. Feature metadata is not part of CreateFeatureGroup and is
     * left out; OfflineStoreConfig, when enabled, is {@code {"S3StorageConfig": {"S3Uri":
     * "s3://local-workbench/offline-store"}, "DisableGlueTableCreation": true}}, which boto3 accepts.
     */
    public static String write(FeatureGroup group) {
        return write(group.definition());
    }

    /** As {@link #write(FeatureGroup)}, for a definition that has not been created yet. */
    public static String write(FeatureGroupDefinition d) {
        ObjectNode node = Shapes.object();
        Shapes.identity(node, d);
        node.set("FeatureDefinitions", Shapes.featureDefinitions(d, false));
        Shapes.stores(node, d);
        if (!d.description().isEmpty()) {
            node.put("Description", d.description());
        }
        if (!d.tags().isEmpty()) {
            node.set("Tags", Shapes.keyValues(d.tags()));
        }
        return Shapes.pretty(node);
    }
}
