package org.featureworkbench.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ListFeatureGroups: its filters, sort keys and NextToken paging. */
class ListFeatureGroupsTest extends ControlPlaneFixture {

    @Test
    void filtersSortsAndPages() {
        createGroup("clicks", true, false, "");
        createGroup("customers", true, true, "");
        createGroup("orders", false, true, "");

        JsonNode all = call("ListFeatureGroups", q("{'SortBy': 'Name', 'SortOrder': 'Ascending'}"));
        assertEquals(List.of("clicks", "customers", "orders"), names(all));
        JsonNode first = all.at("/FeatureGroupSummaries/0");
        assertTrue(first.get("CreationTime").isNumber());
        assertEquals("Created", first.get("FeatureGroupStatus").asText());
        assertFalse(first.has("OfflineStoreStatus"));
        assertEquals("Active", all.at("/FeatureGroupSummaries/1/OfflineStoreStatus/Status").asText());
        assertFalse(all.has("NextToken"));

        assertEquals(List.of("customers", "clicks"), names(call("ListFeatureGroups",
                q("{'NameContains': 'C', 'SortBy': 'Name', 'SortOrder': 'Descending'}"))));
        assertEquals(List.of("clicks"), names(call("ListFeatureGroups", q("{'OfflineStoreStatusEquals': 'Disabled'}"))));
        assertEquals(List.of("customers", "orders"), names(call("ListFeatureGroups",
                q("{'OfflineStoreStatusEquals': 'Active', 'SortBy': 'Name', 'SortOrder': 'Ascending'}"))));
        assertEquals(3, names(call("ListFeatureGroups", q("{'FeatureGroupStatusEquals': 'Created'}"))).size());
        assertEquals(0, names(call("ListFeatureGroups", q("{'FeatureGroupStatusEquals': 'Deleting'}"))).size());

        long now = Instant.now().getEpochSecond();
        assertEquals(0, names(call("ListFeatureGroups", q("{'CreationTimeAfter': " + (now + 60) + "}"))).size());
        assertEquals(3, names(call("ListFeatureGroups", q("{'CreationTimeAfter': " + (now - 600)
                + ", 'CreationTimeBefore': " + (now + 60) + "}"))).size());

        List<String> paged = new ArrayList<>();
        String request = "{'SortBy': 'Name', 'SortOrder': 'Ascending', 'MaxResults': 2";
        JsonNode page = call("ListFeatureGroups", q(request + "}"));
        paged.addAll(names(page));
        assertEquals(2, paged.size());
        String token = page.get("NextToken").asText();
        page = call("ListFeatureGroups", q(request + ", 'NextToken': '" + token + "'}"));
        paged.addAll(names(page));
        assertFalse(page.has("NextToken"));
        assertEquals(List.of("clicks", "customers", "orders"), paged);

        assertTrue(error("ValidationException", "ListFeatureGroups", q("{'SortBy': 'CreationTime', 'NextToken': '"
                + token + "'}")).getMessage().contains("NextToken"));
        error("ValidationException", "ListFeatureGroups", q("{'NextToken': 'garbage'}"));
        error("ValidationException", "ListFeatureGroups", q("{'MaxResults': 0}"));
        error("ValidationException", "ListFeatureGroups", q("{'SortBy': 'Size'}"));
        error("ValidationException", "ListFeatureGroups", q("{'CreationTimeAfter': 'yesterday'}"));
    }

    @Test
    void defaultOrderIsNewestFirst() throws InterruptedException {
        createGroup("older", true, false, "");
        Thread.sleep(1100);  // creation times have second precision
        createGroup("newer", true, false, "");
        assertEquals(List.of("newer", "older"), names(call("ListFeatureGroups", "{}")));
    }

    static List<String> names(JsonNode listing) {
        List<String> names = new ArrayList<>();
        listing.get("FeatureGroupSummaries").forEach(s -> names.add(s.get("FeatureGroupName").asText()));
        return names;
    }
}
