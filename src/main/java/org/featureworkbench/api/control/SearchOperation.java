package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupSearchQuery;
import org.featureworkbench.model.ValidationException;

/**
 * Search with Resource FeatureGroup or FeatureMetadata. Each resource is its response shape (what
 * a result returns), so a filter or a sort names exactly the members a user sees. Defaults as
 * SageMaker's: sort by LastModifiedTime, Descending; 10 results per page (ADR 0022).
 * {@code VisibilityConditions} filter by tag; {@code CrossAccountFilterOption: CrossAccount} finds
 * nothing, since no other account shares resources with a local workspace.
 */
final class SearchOperation {
    private static final Set<String> GROUP_PROPERTIES = Set.of("FeatureGroupArn", "FeatureGroupName",
            "RecordIdentifierFeatureName", "EventTimeFeatureName", "FeatureDefinitions", "CreationTime",
            "LastModifiedTime", "OnlineStoreConfig", "OfflineStoreConfig", "FeatureGroupStatus", "OfflineStoreStatus",
            "LastUpdateStatus", "Description", "Tags");
    private static final Set<String> METADATA_PROPERTIES = Set.of("FeatureGroupArn", "FeatureGroupName",
            "FeatureName", "FeatureType", "CreationTime", "LastModifiedTime", "Description", "Parameters");
    private static final List<String> ORDERS = List.of("Ascending", "Descending");
    private static final List<String> ACCOUNT_OPTIONS = List.of("SameAccount", "CrossAccount");

    private final FeatureStore store;

    SearchOperation(FeatureStore store) {
        this.store = store;
    }

    JsonNode search(ControlRequest request) {
        String resource = request.requiredText("Resource");
        boolean groups = resource.equals("FeatureGroup");
        if (!groups && !resource.equals("FeatureMetadata")) {
            throw new ValidationException("Resource", "this endpoint searches FeatureGroup and FeatureMetadata "
                    + "resources only, not " + resource);
        }
        Set<String> properties = groups ? GROUP_PROPERTIES : METADATA_PROPERTIES;
        SearchExpression expression = request.member("SearchExpression")
                .map(node -> SearchExpression.read(node, properties)).orElse(SearchExpression.all());
        String sortBy = request.optionalText("SortBy").orElse("LastModifiedTime");
        SearchExpression.checkProperty(sortBy, properties, "SortBy");
        boolean descending = request.optionalEnum("SortOrder", ORDERS).orElse("Descending").equals("Descending");
        int maxResults = request.optionalInt("MaxResults", 1, 100).orElse(ListFeatureGroupsOperation.DEFAULT_MAX_RESULTS);
        VisibilityConditions visible = VisibilityConditions.read(request);
        // CrossAccount lists only what other accounts shared; a local workspace is one account, so none.
        boolean otherAccounts = request.optionalEnum("CrossAccountFilterOption", ACCOUNT_OPTIONS)
                .orElse("SameAccount").equals("CrossAccount");

        List<ObjectNode> matches = otherAccounts ? List.of() : resources(groups).stream()
                .filter(expression::matches).filter(visible::allows)
                .sorted(order(sortBy, descending)).toList();
        ObjectNode response = ControlRequest.JSON.createObjectNode();
        String wrapper = groups ? "FeatureGroup" : "FeatureMetadata";
        Pages.page(request, matches, maxResults, response, "Results", r -> {
            ObjectNode record = ControlRequest.JSON.createObjectNode();
            record.set(wrapper, r);
            return record;
        });
        response.putObject("TotalHits").put("Value", matches.size()).put("Relation", "EqualTo");
        return response;
    }

    private List<ObjectNode> resources(boolean groups) {
        List<ObjectNode> resources = new ArrayList<>();
        for (FeatureGroup g : store.searchFeatureGroups(GroupSearchQuery.ALL)) {
            if (groups) {
                resources.add(GroupShapes.describe(g, store.offlineStoreDirectory()));
            } else {
                for (FeatureDefinition f : g.features()) {
                    resources.add(GroupShapes.featureMetadata(g, f));
                }
            }
        }
        return resources;
    }

    /** By the first value of the property (numbers as numbers), resources without it last; ties by name. */
    private static Comparator<ObjectNode> order(String sortBy, boolean descending) {
        Comparator<JsonNode> values = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.asText().compareTo(b.asText());
        Comparator<ObjectNode> byKey = Comparator.comparing(r -> first(r, sortBy),
                Comparator.nullsLast(descending ? values.reversed() : values));
        return byKey.thenComparing(r -> r.path("FeatureGroupName").asText())
                .thenComparing(r -> r.path("FeatureName").asText());
    }

    private static JsonNode first(ObjectNode resource, String property) {
        List<JsonNode> values = PropertyValues.of(resource, property);
        return values.isEmpty() ? null : values.get(0);
    }
}
