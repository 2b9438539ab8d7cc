package org.featureworkbench.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;
import org.featureworkbench.model.ValidationException;

/**
 * Turns a CreateFeatureGroup request tree into a definition, checking shapes as it goes and
 * collecting a warning for every field it accepts but does not honour. One instance per read.
 */
final class CreateRequestReader {
    private static final Set<String> TOP_LEVEL = Set.of("FeatureGroupName", "RecordIdentifierFeatureName",
            "EventTimeFeatureName", "FeatureDefinitions", "OnlineStoreConfig", "OfflineStoreConfig",
            "Description", "Tags");
    private static final Set<String> TOP_LEVEL_CLOUD = Set.of("RoleArn", "ThroughputConfig");
    private static final Set<String> ONLINE_CLOUD = Set.of("SecurityConfig", "StorageType");
    private static final Set<String> OFFLINE_CLOUD = Set.of("S3StorageConfig", "DataCatalogConfig", "TableFormat");
    private static final Set<String> FEATURE_CLOUD = Set.of("CollectionConfig");

    private final JsonSource source;
    /** The fields ignored, keyed by where each starts, so they come out in document order. */
    private final List<Map.Entry<Long, ParsedDefinition.Ignored>> ignored = new ArrayList<>();

    CreateRequestReader(JsonSource source) {
        this.source = source;
    }

    ParsedDefinition read() {
        JsonNode root = source.root();
        JsonPath here = JsonPath.ROOT;
        if (!root.isObject()) {
            throw shape(here, "a CreateFeatureGroup request must be a JSON object, found " + kind(root));
        }
        ignoreExtraFields(root, here, TOP_LEVEL, TOP_LEVEL_CLOUD);
        FeatureGroupDefinition definition = new FeatureGroupDefinition(
                requiredText(root, here.field("FeatureGroupName")),
                requiredText(root, here.field("RecordIdentifierFeatureName")),
                requiredText(root, here.field("EventTimeFeatureName")),
                features(root, here.field("FeatureDefinitions")),
                optionalText(root, here.field("Description")),
                tags(root, here.field("Tags")),
                onlineStore(root, here.field("OnlineStoreConfig")),
                offlineStore(root, here.field("OfflineStoreConfig")));
        return new ParsedDefinition(definition, ignored.stream()
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList());
    }

    private List<FeatureDefinition> features(JsonNode parent, JsonPath path) {
        JsonNode array = required(parent, path);
        if (!array.isArray()) {
            throw shape(path, "expected an array of {\"FeatureName\": …, \"FeatureType\": …}, found " + kind(array));
        }
        List<FeatureDefinition> features = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonPath itemPath = path.index(i);
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw shape(itemPath, "expected an object {\"FeatureName\": …, \"FeatureType\": …}, found " + kind(item));
            }
            String name = requiredText(item, itemPath.field("FeatureName"));
            refuseCollection(item, itemPath, name);
            ignoreExtraFields(item, itemPath, Set.of("FeatureName", "FeatureType", "CollectionType"), FEATURE_CLOUD);
            JsonPath typePath = itemPath.field("FeatureType");
            String typeName = requiredText(item, typePath);
            try {
                features.add(new FeatureDefinition(name, FeatureType.fromAwsNameExact(typeName, typePath.display())));
            } catch (ValidationException e) {
                throw located(e, typePath);
            }
        }
        return features;
    }

    /**
     * A collection feature cannot be ignored like a cloud setting: its records carry lists the local
     * store cannot keep, so accepting the group would only move the failure to the first PutRecord.
     */
    private void refuseCollection(JsonNode item, JsonPath itemPath, String name) {
        JsonNode collection = item.get("CollectionType");
        if (collection != null && !collection.isNull()) {
            throw shape(itemPath.field("CollectionType"), "collection features (" + (collection.isTextual()
                    ? collection.textValue() : kind(collection)) + ") are not supported by the local store;"
                    + " remove CollectionType to define '" + name + "' as a single value");
        }
    }

    private Map<String, String> tags(JsonNode parent, JsonPath path) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode array = parent.get(lastName(path));
        if (array == null || array.isNull()) {
            return tags;
        }
        if (!array.isArray()) {
            throw shape(path, "expected an array of {\"Key\": …, \"Value\": …}, found " + kind(array));
        }
        for (int i = 0; i < array.size(); i++) {
            JsonPath itemPath = path.index(i);
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw shape(itemPath, "expected an object {\"Key\": …, \"Value\": …}, found " + kind(item));
            }
            ignoreExtraFields(item, itemPath, Set.of("Key", "Value"), Set.of());
            String key = requiredText(item, itemPath.field("Key"));
            if (tags.put(key, optionalText(item, itemPath.field("Value"))) != null) {
                throw shape(itemPath.field("Key"), "tag key '" + key + "' appears more than once; keep one");
            }
        }
        return tags;
    }

    private OnlineStoreConfig onlineStore(JsonNode parent, JsonPath path) {
        JsonNode config = optionalObject(parent, path);
        if (config == null) {
            return OnlineStoreConfig.DISABLED;
        }
        ignoreExtraFields(config, path, Set.of("EnableOnlineStore", "TtlDuration"), ONLINE_CLOUD);
        JsonPath enablePath = path.field("EnableOnlineStore");
        JsonNode enable = config.get("EnableOnlineStore");
        if (enable != null && !enable.isNull() && !enable.isBoolean()) {
            throw shape(enablePath, "expected true or false, found " + kind(enable));
        }
        // As in SageMaker, EnableOnlineStore defaults to false even when the config object is present.
        boolean enabled = enable != null && enable.asBoolean();
        return new OnlineStoreConfig(enabled, ttl(config, path.field("TtlDuration")));
    }

    private TtlDuration ttl(JsonNode parent, JsonPath path) {
        JsonNode ttl = optionalObject(parent, path);
        if (ttl == null) {
            return null;
        }
        ignoreExtraFields(ttl, path, Set.of("Unit", "Value"), Set.of());
        JsonPath unitPath = path.field("Unit");
        JsonPath valuePath = path.field("Value");
        String unitName = requiredText(ttl, unitPath);
        JsonNode value = required(ttl, valuePath);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw shape(valuePath, "expected a whole number of " + unitName + ", found " + kind(value));
        }
        try {
            return new TtlDuration(TtlUnit.parse(unitName, unitPath.display()), value.asLong());
        } catch (ValidationException e) {
            throw located(e, e.field().endsWith("Value") ? valuePath : unitPath);
        }
    }

    private OfflineStoreConfig offlineStore(JsonNode parent, JsonPath path) {
        JsonNode config = optionalObject(parent, path);
        if (config == null) {
            return OfflineStoreConfig.DISABLED;
        }
        ignoreExtraFields(config, path, localS3(config) ? Set.of("DisableGlueTableCreation", "S3StorageConfig")
                : Set.of("DisableGlueTableCreation"), OFFLINE_CLOUD);
        JsonNode disableGlue = config.get("DisableGlueTableCreation");
        // Locally no Glue table is ever created, so only a request for one is worth a warning.
        if (disableGlue != null && !disableGlue.isNull() && !disableGlue.asBoolean(false)) {
            warn(path.field("DisableGlueTableCreation"), "there is no Glue Data Catalog locally; no table is created");
        }
        return OfflineStoreConfig.ENABLED;
    }

    /**
     * Whether S3StorageConfig is only the placeholder our own writers put there (an S3Uri under
     * s3://local-workbench/ and nothing else): it asks for nothing the local store does not do.
     */
    private static boolean localS3(JsonNode offlineConfig) {
        JsonNode s3 = offlineConfig.get("S3StorageConfig");
        if (s3 == null || !s3.isObject() || s3.size() != 1) {
            return false;
        }
        JsonNode uri = s3.get("S3Uri");
        return uri != null && uri.isTextual() && uri.textValue().startsWith(CreateFeatureGroupJson.LOCAL_S3_PREFIX);
    }

    private void ignoreExtraFields(JsonNode object, JsonPath path, Set<String> known, Set<String> cloudOnly) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (known.contains(name)) {
                continue;
            }
            if (cloudOnly.contains(name)) {
                warn(path.field(name), "cloud-only, ignored by the local store");
            } else if (!known.contains(name)) {
                warn(path.field(name), "not a CreateFeatureGroup field, ignored");
            }
        }
    }

    private void warn(JsonPath path, String what) {
        ignored.add(Map.entry(source.offset(path), new ParsedDefinition.Ignored(path.display(), source.where(path), what)));
    }

    private JsonNode required(JsonNode parent, JsonPath path) {
        JsonNode node = parent.get(lastName(path));
        if (node == null || node.isNull()) {
            throw new ValidationException(path.display(), "is missing (" + source.where(parentOf(path))
                    + "); a CreateFeatureGroup request needs it");
        }
        return node;
    }

    private String requiredText(JsonNode parent, JsonPath path) {
        JsonNode node = required(parent, path);
        if (!node.isTextual()) {
            throw shape(path, "expected a string, found " + kind(node));
        }
        return node.textValue();
    }

    private String optionalText(JsonNode parent, JsonPath path) {
        JsonNode node = parent.get(lastName(path));
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw shape(path, "expected a string, found " + kind(node));
        }
        return node.textValue();
    }

    private JsonNode optionalObject(JsonNode parent, JsonPath path) {
        JsonNode node = parent.get(lastName(path));
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw shape(path, "expected an object, found " + kind(node));
        }
        return node;
    }

    private ValidationException shape(JsonPath path, String reason) {
        return new ValidationException(path.display(), reason + " (" + source.where(path) + ")");
    }

    private ValidationException located(ValidationException e, JsonPath path) {
        return new ValidationException(e.field(), e.reason() + " (" + source.where(path) + ")");
    }

    private static String lastName(JsonPath path) {
        String pointer = path.pointer();
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static JsonPath parentOf(JsonPath path) {
        String display = path.display();
        int dot = display.lastIndexOf('.');
        String pointer = path.pointer();
        return new JsonPath(dot < 0 ? "" : display.substring(0, dot), pointer.substring(0, pointer.lastIndexOf('/')));
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the string \"" + node.textValue() + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase();
        };
    }
}
