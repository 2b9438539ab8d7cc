package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;

/**
 * ListFeatureGroups: the facade's list (name filter and base order), then SageMaker's other
 * filters, sort keys and paging. Defaults when the request is silent: CreationTime, Descending,
 * 10 per page (ADR 0022).
 */
final class ListFeatureGroupsOperation {
    static final int DEFAULT_MAX_RESULTS = 10;
    private static final List<String> SORT_BY = List.of("Name", "FeatureGroupStatus", "OfflineStoreStatus",
            "CreationTime");
    private static final List<String> ORDERS = List.of("Ascending", "Descending");
    private static final List<String> STATUSES = List.of("Creating", "Created", "CreateFailed", "Deleting",
            "DeleteFailed");
    private static final List<String> OFFLINE_STATUSES = List.of("Active", "Blocked", "Disabled");

    private final FeatureStore store;

    ListFeatureGroupsOperation(FeatureStore store) {
        this.store = store;
    }

    JsonNode list(ControlRequest request) {
        Optional<String> status = request.optionalEnum("FeatureGroupStatusEquals", STATUSES);
        Optional<String> offline = request.optionalEnum("OfflineStoreStatusEquals", OFFLINE_STATUSES);
        Optional<Instant> after = request.optionalTime("CreationTimeAfter");
        Optional<Instant> before = request.optionalTime("CreationTimeBefore");
        String sortBy = request.optionalEnum("SortBy", SORT_BY).orElse("CreationTime");
        boolean descending = request.optionalEnum("SortOrder", ORDERS).orElse("Descending").equals("Descending");
        int maxResults = request.optionalInt("MaxResults", 1, 100).orElse(DEFAULT_MAX_RESULTS);

        GroupListQuery.SortBy base = sortBy.equals("Name") ? GroupListQuery.SortBy.NAME
                : GroupListQuery.SortBy.CREATION_TIME;
        List<FeatureGroup> groups = store.listFeatureGroups(new GroupListQuery(
                        request.optionalText("NameContains").orElse(null), base, false)).stream()
                .filter(g -> status.isEmpty() || g.status().awsName().equals(status.get()))
                .filter(g -> offline.isEmpty() || offlineStatus(g).equals(offline.get()))
                .filter(g -> after.isEmpty() || g.creationTime().isAfter(after.get()))
                .filter(g -> before.isEmpty() || g.creationTime().isBefore(before.get()))
                .sorted(order(sortBy, descending))
                .toList();

        ObjectNode response = ControlRequest.JSON.createObjectNode();
        Pages.page(request, groups, maxResults, response, "FeatureGroupSummaries", GroupShapes::summary);
        return response;
    }

    /** A group without an offline store reports no status; the filter calls that Disabled. */
    private static String offlineStatus(FeatureGroup g) {
        return GroupShapes.offlineStatus(g).orElse("Disabled");
    }

    private static Comparator<FeatureGroup> order(String sortBy, boolean descending) {
        Comparator<FeatureGroup> key = switch (sortBy) {
            case "Name" -> Comparator.comparing(FeatureGroup::name, String.CASE_INSENSITIVE_ORDER);
            case "FeatureGroupStatus" -> Comparator.comparing(g -> g.status().awsName());
            case "OfflineStoreStatus" -> Comparator.comparing(ListFeatureGroupsOperation::offlineStatus);
            default -> Comparator.comparing(FeatureGroup::creationTime);
        };
        // Ties (same second, same status) fall back to the name, so pages never overlap.
        Comparator<FeatureGroup> full = key.thenComparing(FeatureGroup::name);
        return descending ? full.reversed() : full;
    }
}
