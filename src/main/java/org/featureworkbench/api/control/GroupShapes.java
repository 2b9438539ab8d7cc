package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import org.featureworkbench.json.DescribeFeatureGroupJson;
import org.featureworkbench.json.TimeStyle;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;

/**
 * The control plane's response shapes: the json package's SageMaker shapes with times as epoch
 * seconds, plus the status members the wire responses carry. Stateless and thread-safe.
 */
final class GroupShapes {
    /** The offline store's status: always Active locally (nothing can block it, see ADR 0022). */
    static final String OFFLINE_ACTIVE = "Active";

    private GroupShapes() {
    }

    /** DescribeFeatureGroup, and each Search result of Resource FeatureGroup. */
    static ObjectNode describe(FeatureGroup group, Path offlineStoreDirectory) {
        ObjectNode node = DescribeFeatureGroupJson.describe(group, TimeStyle.EPOCH_SECONDS);
        if (group.definition().offlineStore().enabled()) {
            // Where the Parquet files are, in the member SDK users read it from (S3Uri is required
            // by the model's shape, so code reading it must find a value).
            Path data = offlineStoreDirectory.resolve(group.offlineFolderName());
            ObjectNode s3 = ((ObjectNode) node.get("OfflineStoreConfig")).putObject("S3StorageConfig");
            s3.put("S3Uri", offlineStoreDirectory.toUri().toString());
            s3.put("ResolvedOutputS3Uri", data.resolve("data").toUri().toString());
            node.putObject("OfflineStoreStatus").put("Status", OFFLINE_ACTIVE);
        }
        if (group.lastModifiedTime().isAfter(group.creationTime())) {
            node.putObject("LastUpdateStatus").put("Status", "Successful");
        }
        return node;
    }

    /** One ListFeatureGroups summary. */
    static ObjectNode summary(FeatureGroup group) {
        ObjectNode node = DescribeFeatureGroupJson.summary(group, TimeStyle.EPOCH_SECONDS);
        offlineStatus(group).ifPresent(s -> node.putObject("OfflineStoreStatus").put("Status", s));
        return node;
    }

    /** DescribeFeatureMetadata, and each Search result of Resource FeatureMetadata. */
    static ObjectNode featureMetadata(FeatureGroup group, FeatureDefinition feature) {
        return DescribeFeatureGroupJson.featureMetadata(group, feature, TimeStyle.EPOCH_SECONDS);
    }

    /** Active for a group with an offline store; none for an online-only group, as SageMaker reports it. */
    static Optional<String> offlineStatus(FeatureGroup group) {
        return group.definition().offlineStore().enabled()
                ? Optional.of(OFFLINE_ACTIVE) : Optional.empty();
    }
}
