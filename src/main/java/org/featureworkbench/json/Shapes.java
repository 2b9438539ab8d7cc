package org.featureworkbench.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;

/** The pieces of SageMaker request and response shapes that several writers share. */
final class Shapes {
    /** Two-space indent, {@code "key": value}, {@code []}, one element per line: what the AWS CLI prints. */
    private static final ObjectWriter PRETTY = JsonSource.MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private Shapes() {
    }

    static ObjectNode object() {
        return JsonSource.MAPPER.createObjectNode();
    }

    static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            // A tree we built ourselves always serialises.
            throw new IllegalStateException(e);
        }
    }

    /** The name, record id and event time fields shared by requests and responses. */
    static void identity(ObjectNode node, FeatureGroupDefinition d) {
        node.put("FeatureGroupName", d.name());
        node.put("RecordIdentifierFeatureName", d.recordIdentifierFeatureName());
        node.put("EventTimeFeatureName", d.eventTimeFeatureName());
    }

    /** FeatureDefinitions; with metadata, each entry also carries non-empty Description/Parameters. */
    static ArrayNode featureDefinitions(FeatureGroupDefinition d, boolean withMetadata) {
        ArrayNode array = JsonSource.MAPPER.createArrayNode();
        for (FeatureDefinition f : d.features()) {
            ObjectNode item = array.addObject();
            item.put("FeatureName", f.name());
            item.put("FeatureType", f.type().awsName());
            if (withMetadata && !f.description().isEmpty()) {
                item.put("Description", f.description());
            }
            if (withMetadata && !f.parameters().isEmpty()) {
                item.set("Parameters", keyValues(f.parameters()));
            }
        }
        return array;
    }

    /** OnlineStoreConfig and OfflineStoreConfig, each only when that store is enabled. */
    static void stores(ObjectNode node, FeatureGroupDefinition d) {
        if (d.onlineStore().enabled()) {
            ObjectNode online = node.putObject("OnlineStoreConfig");
            online.put("EnableOnlineStore", true);
            d.onlineStore().ttlOptional().ifPresent(ttl -> {
                ObjectNode t = online.putObject("TtlDuration");
                t.put("Unit", ttl.unit().awsName());
                t.put("Value", ttl.value());
            });
        }
        if (d.offlineStore().enabled()) {
            // Locally the offline store is Parquet in the workspace and no Glue table is made:
            // DisableGlueTableCreation=true says so. S3StorageConfig.S3Uri is required by SageMaker's
            // model (boto3 refuses the request without it), so the local placeholder stands in for
            // <workspace>/offline-store; it reads back without a warning, and for the cloud a user
            // replaces it with a bucket.
            ObjectNode offline = node.putObject("OfflineStoreConfig");
            offline.putObject("S3StorageConfig").put("S3Uri", CreateFeatureGroupJson.LOCAL_S3_URI);
            offline.put("DisableGlueTableCreation", true);
        }
    }

    /** {@code [{"Key": …, "Value": …}]}, SageMaker's form of tags and feature parameters. */
    static ArrayNode keyValues(Map<String, String> map) {
        ArrayNode array = JsonSource.MAPPER.createArrayNode();
        map.forEach((k, v) -> array.addObject().put("Key", k).put("Value", v));
        return array;
    }
}
