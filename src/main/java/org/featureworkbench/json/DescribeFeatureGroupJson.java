package org.featureworkbench.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;

/**
 * SageMaker's response shapes for reading feature groups, as JSON: DescribeFeatureGroup,
 * ListFeatureGroups, Search over FeatureGroup resources, and DescribeFeatureMetadata.
 *
 * <p>Times are ISO-8601 UTC strings with second precision ({@code 2024-05-01T12:00:00Z}), as the
 * AWS CLI prints them. Beyond the real DescribeFeatureGroup fields, the describe shape carries two
 * extras so one document shows everything the workbench knows: {@code Tags} (SageMaker returns
 * them from ListTags) and, inside each FeatureDefinitions entry, the feature's metadata
 * {@code Description} and {@code Parameters} when set (SageMaker returns them from
 * DescribeFeatureMetadata). AWS SDKs ignore unknown response fields, so the shape stays readable
 * by them. Stateless and thread-safe.
 */
public final class DescribeFeatureGroupJson {
    private DescribeFeatureGroupJson() {
    }

    /** The DescribeFeatureGroup response for {@code group}, pretty-printed. */
    public static String write(FeatureGroup group) {
        return Shapes.pretty(describe(group, TimeStyle.ISO_SECONDS));
    }

    /** The ListFeatureGroups response: {@code {"FeatureGroupSummaries": [...]}} in the given order. */
    public static String writeSummaries(List<FeatureGroup> groups) {
        ObjectNode root = Shapes.object();
        ArrayNode summaries = root.putArray("FeatureGroupSummaries");
        groups.forEach(g -> summaries.add(summary(g, TimeStyle.ISO_SECONDS)));
        return Shapes.pretty(root);
    }

    /** One ListFeatureGroups summary: name, ARN, creation time and status. */
    public static ObjectNode summary(FeatureGroup g, TimeStyle times) {
        ObjectNode s = Shapes.object();
        s.put("FeatureGroupName", g.name());
        s.put("FeatureGroupArn", g.arn());
        times.put(s, "CreationTime", g.creationTime());
        s.put("FeatureGroupStatus", g.status().awsName());
        return s;
    }

    /** The Search response: {@code {"Results": [{"FeatureGroup": <describe shape>}, ...]}}. */
    public static String writeSearchResults(List<FeatureGroup> groups) {
        ObjectNode root = Shapes.object();
        ArrayNode results = root.putArray("Results");
        groups.forEach(g -> results.addObject().set("FeatureGroup", describe(g, TimeStyle.ISO_SECONDS)));
        return Shapes.pretty(root);
    }

    /**
     * The DescribeFeatureMetadata response for one feature of {@code group}. CreationTime is the
     * group's; LastModifiedTime is the group's last change, as the catalog keeps no per-feature time.
     */
    public static String writeFeatureMetadata(FeatureGroup group, FeatureDefinition feature) {
        return Shapes.pretty(featureMetadata(group, feature, TimeStyle.ISO_SECONDS));
    }

    /** {@link #writeFeatureMetadata} as a tree, with times in the given style. */
    public static ObjectNode featureMetadata(FeatureGroup group, FeatureDefinition feature, TimeStyle times) {
        ObjectNode node = Shapes.object();
        node.put("FeatureGroupArn", group.arn());
        node.put("FeatureGroupName", group.name());
        node.put("FeatureName", feature.name());
        node.put("FeatureType", feature.type().awsName());
        times.put(node, "CreationTime", group.creationTime());
        times.put(node, "LastModifiedTime", group.lastModifiedTime());
        node.put("Description", feature.description());
        node.set("Parameters", Shapes.keyValues(feature.parameters()));
        return node;
    }

    /** The describe shape (with the Tags and per-feature metadata extras) as a tree, times in the given style. */
    public static ObjectNode describe(FeatureGroup group, TimeStyle times) {
        FeatureGroupDefinition d = group.definition();
        ObjectNode node = Shapes.object();
        node.put("FeatureGroupArn", group.arn());
        Shapes.identity(node, d);
        node.set("FeatureDefinitions", Shapes.featureDefinitions(d, true));
        times.put(node, "CreationTime", group.creationTime());
        times.put(node, "LastModifiedTime", group.lastModifiedTime());
        Shapes.stores(node, d);
        node.put("FeatureGroupStatus", group.status().awsName());
        if (!d.description().isEmpty()) {
            node.put("Description", d.description());
        }
        node.set("Tags", Shapes.keyValues(d.tags()));
        return node;
    }
}
