package org.featureworkbench.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A feature group as stored in the catalog: its definition plus what the store assigned.
 *
 * @param definition       the (validated) definition, including features added later
 * @param creationTime     when it was created, second precision as SageMaker reports it
 * @param lastModifiedTime when features, metadata, tags or TTL last changed
 * @param status           lifecycle state
 */
public record FeatureGroup(FeatureGroupDefinition definition, Instant creationTime, Instant lastModifiedTime,
                           FeatureGroupStatus status) {

    public FeatureGroup {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(creationTime, "creationTime");
        lastModifiedTime = lastModifiedTime == null ? creationTime : lastModifiedTime;
        status = status == null ? FeatureGroupStatus.CREATED : status;
    }

    public String name() {
        return definition.name();
    }

    public List<FeatureDefinition> features() {
        return definition.features();
    }

    /** SageMaker-style ARN for this local group. */
    public String arn() {
        return "arn:aws:sagemaker:local:000000000000:feature-group/" + name();
    }

    /**
     * The offline store folder name, {@code <group>-<creation epoch seconds>}, so a group deleted
     * and re-created under the same name never mixes with the old one's kept files.
     */
    public String offlineFolderName() {
        return name() + "-" + creationTime.getEpochSecond();
    }
}
