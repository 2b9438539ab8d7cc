package org.featureworkbench.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.api.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search over FeatureGroup and FeatureMetadata resources: filters, nesting, sort, paging, refusals. */
class SearchOperationTest extends ControlPlaneFixture {

    @BeforeEach
    void groups() {
        createGroup("clicks", true, false, ", 'Tags': [{'Key': 'team', 'Value': 'web'}]");
        createGroup("customers", true, true, ", 'Description': 'Who buys', 'Tags': [{'Key': 'team', 'Value': 'ml'}]");
        createGroup("orders", false, true, "");
        call("UpdateFeatureMetadata", q("{'FeatureGroupName': 'customers', 'FeatureName': 'amount', "
                + "'Description': 'lifetime spend', 'ParameterAdditions': [{'Key': 'owner', 'Value': 'sales'}]}"));
        call("UpdateFeatureMetadata", q("{'FeatureGroupName': 'orders', 'FeatureName': 'amount', "
                + "'ParameterAdditions': [{'Key': 'owner', 'Value': 'finance'}]}"));
    }

    @Test
    void featureGroupFiltersMatchAsTheReferenceSays() {
        assertEquals(List.of("customers"), groups(filters("{'Name': 'FeatureGroupName', 'Operator': 'Equals', "
                + "'Value': 'customers'}")));
        assertEquals(List.of("clicks", "customers"), groups(filters("{'Name': 'FeatureGroupName', "
                + "'Operator': 'Contains', 'Value': 'C'}")));
        assertEquals(List.of("clicks", "orders"), groups(filters("{'Name': 'FeatureGroupName', "
                + "'Operator': 'NotEquals', 'Value': 'customers'}")));
        assertEquals(List.of("clicks"), groups(filters("{'Name': 'Tags.team', 'Value': 'web'}")));
        assertEquals(List.of("clicks", "customers"), groups(filters("{'Name': 'Tags.team', 'Operator': 'Exists'}")));
        assertEquals(List.of("orders"), groups(filters("{'Name': 'OnlineStoreConfig', 'Operator': 'NotExists'}")));
        assertEquals(List.of("customers", "orders"), groups(filters("{'Name': 'OfflineStoreStatus.Status', "
                + "'Operator': 'Equals', 'Value': 'Active'}")));
        assertEquals(List.of("clicks", "orders"), groups(filters("{'Name': 'FeatureGroupName', 'Operator': 'In', "
                + "'Value': 'orders, clicks'}")));
        assertEquals(List.of("customers"), groups(filters("{'Name': 'Description', 'Operator': 'Contains', "
                + "'Value': 'buys'}")));
        String hourAgo = Instant.now().minusSeconds(3600).toString().substring(0, 19);
        assertEquals(3, groups(filters("{'Name': 'CreationTime', 'Operator': 'GreaterThan', 'Value': '"
                + hourAgo + "'}")).size());
        assertEquals(0, groups(filters("{'Name': 'CreationTime', 'Operator': 'LessThan', 'Value': '"
                + hourAgo + "'}")).size());
        assertEquals(List.of("clicks", "customers", "orders"), groups(filters(
                "{'Name': 'FeatureDefinitions.FeatureName', 'Operator': 'Equals', 'Value': 'amount'}")));
    }

    @Test
    void orSubExpressionsAndNestedFiltersCombine() {
        JsonNode or = search("FeatureGroup", "{'Operator': 'Or', 'Filters': [{'Name': 'FeatureGroupName', "
                + "'Value': 'orders'}, {'Name': 'Tags.team', 'Value': 'web'}]}", "");
        // Without SortBy the newest change comes first: orders' metadata was updated last.
        assertEquals(List.of("orders", "clicks"), groups(or));

        JsonNode sub = search("FeatureGroup", "{'Filters': [{'Name': 'OfflineStoreStatus.Status', 'Value': 'Active'}], "
                + "'SubExpressions': [{'Operator': 'Or', 'Filters': [{'Name': 'Tags.team', 'Value': 'ml'}, "
                + "{'Name': 'FeatureGroupName', 'Value': 'clicks'}]}]}", "");
        assertEquals(List.of("customers"), groups(sub));

        JsonNode nested = search("FeatureGroup", "{'NestedFilters': [{'NestedPropertyName': 'FeatureDefinitions', "
                + "'Filters': [{'Name': 'FeatureDefinitions.FeatureName', 'Value': 'amount'}, "
                + "{'Name': 'FeatureDefinitions.Description', 'Operator': 'Contains', 'Value': 'spend'}]}]}", "");
        assertEquals(List.of("customers"), groups(nested));
    }

    @Test
    void featureMetadataIsSearchedByGroupFeatureAndParameters() {
        JsonNode owned = search("FeatureMetadata", "{'Filters': [{'Name': 'Parameters.owner', 'Operator': 'Exists'}]}",
                ", 'SortBy': 'FeatureGroupName', 'SortOrder': 'Ascending'");
        assertEquals(2, owned.get("Results").size());
        JsonNode first = owned.at("/Results/0/FeatureMetadata");
        assertEquals("customers", first.get("FeatureGroupName").asText());
        assertEquals("amount", first.get("FeatureName").asText());
        assertEquals("lifetime spend", first.get("Description").asText());
        assertEquals("sales", first.at("/Parameters/0/Value").asText());
        assertTrue(first.get("CreationTime").isNumber());
        assertEquals(2, owned.at("/TotalHits/Value").asInt());

        JsonNode typed = search("FeatureMetadata", "{'Filters': [{'Name': 'FeatureGroupName', 'Value': 'orders'}, "
                + "{'Name': 'FeatureType', 'Value': 'Fractional'}]}", ", 'SortBy': 'FeatureName', 'SortOrder': 'Ascending'");
        List<String> features = new ArrayList<>();
        typed.get("Results").forEach(r -> features.add(r.at("/FeatureMetadata/FeatureName").asText()));
        assertEquals(List.of("amount", "ts"), features);
    }

    @Test
    void resultsAreSortedAndPaged() {
        String sort = ", 'SortBy': 'FeatureGroupName', 'SortOrder': 'Descending', 'MaxResults': 2";
        String all = "{'Filters': [{'Name': 'FeatureGroupName', 'Operator': 'Exists'}]}";
        JsonNode page = search("FeatureGroup", all, sort);
        assertEquals(List.of("orders", "customers"), groups(page));
        assertEquals(3, page.at("/TotalHits/Value").asInt());
        JsonNode next = search("FeatureGroup", all, sort + ", 'NextToken': '" + page.get("NextToken").asText() + "'");
        assertEquals(List.of("clicks"), groups(next));
        assertFalse(next.has("NextToken"));
        JsonNode everything = call("Search", q("{'Resource': 'FeatureGroup'}"));
        assertEquals(3, everything.get("Results").size());
        assertTrue(everything.at("/Results/0/FeatureGroup/FeatureDefinitions").isArray());
    }

    @Test
    void unsupportedSearchesAreRefusedWithTheReason() {
        assertTrue(error("ValidationException", "Search", q("{'Resource': 'TrainingJob'}")).getMessage()
                .contains("FeatureGroup and FeatureMetadata"));
        error("ValidationException", "Search", q("{}"));
        assertTrue(error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'Colour', 'Value': 'x'}]}}")).getMessage().contains("'Colour'"));
        assertTrue(error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'FeatureGroupName', 'Operator': 'GreaterThan', 'Value': 'a'}]}}"))
                .getMessage().contains("text property"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'CreationTime', 'Operator': 'Contains', 'Value': '2024'}]}}"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'CreationTime', 'Operator': 'GreaterThan', 'Value': 'last week'}]}}"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'FeatureGroupName', 'Operator': 'Like', 'Value': 'a'}]}}"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': {}}"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'Tags.team', 'Operator': 'GreaterThan', 'Value': '3'}]}}"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SortBy': 'Size'}"));
    }

    @Test
    void containsIsAllowedOnceInTheWholeExpression() {
        ApiException twice = error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'FeatureGroupName', 'Operator': 'Contains', 'Value': 'c'}], "
                + "'SubExpressions': [{'Filters': [{'Name': 'Description', 'Operator': 'Contains', 'Value': 'buy'}]}]}}"));
        assertTrue(twice.getMessage().contains("SearchExpression.SubExpressions[0].Filters[0].Operator")
                && twice.getMessage().contains("only once"), twice.getMessage());
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'FeatureGroupName', 'Operator': 'Contains', 'Value': 'c'}], "
                + "'NestedFilters': [{'NestedPropertyName': 'FeatureDefinitions', 'Filters': "
                + "[{'Name': 'FeatureDefinitions.FeatureName', 'Operator': 'Contains', 'Value': 'a'}]}]}}"));
        assertEquals(List.of("customers"), groups(search("FeatureGroup", "{'Filters': [{'Name': 'FeatureGroupName', "
                + "'Operator': 'Contains', 'Value': 'c'}, {'Name': 'Tags.team', 'Operator': 'In', 'Value': 'ml'}]}",
                ", 'SortBy': 'FeatureGroupName'")));
    }

    @Test
    void anOperatorThatDoesNotFitThePropertyIsRefusedEvenWhenNoResourceHasIt() {
        // No group has the tag 'cost' or a TTL: the refusal comes from the property's kind, not the data.
        assertTrue(error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'Tags.cost', 'Operator': 'GreaterThan', 'Value': '3'}]}}")).getMessage()
                .contains("not supported for the text property Tags.cost"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureMetadata', 'SearchExpression': "
                + "{'Filters': [{'Name': 'Parameters.size', 'Operator': 'LessThan', 'Value': '3'}]}}"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'SearchExpression': "
                + "{'Filters': [{'Name': 'OnlineStoreConfig.TtlDuration.Value', 'Operator': 'In', 'Value': '1,2'}]}}"));
        assertEquals(List.of(), groups(filters("{'Name': 'OnlineStoreConfig.TtlDuration.Value', "
                + "'Operator': 'GreaterThan', 'Value': '3'}")));
    }

    @Test
    void visibilityConditionsHideOnlyResourcesWhoseTagDiffers() {
        JsonNode visible = search("FeatureGroup", "{'Filters': [{'Name': 'FeatureGroupName', 'Operator': 'Exists'}]}",
                ", 'SortBy': 'FeatureGroupName', 'SortOrder': 'Ascending', "
                + "'VisibilityConditions': [{'Key': 'Tags.team', 'Value': 'ml'}]");
        assertEquals(List.of("customers", "orders"), groups(visible));
        assertEquals(2, visible.at("/TotalHits/Value").asInt());
        assertTrue(error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', "
                + "'VisibilityConditions': [{'Key': 'team', 'Value': 'ml'}]}")).getMessage().contains("Tags.<key>"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'VisibilityConditions': []}"));
        error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', 'VisibilityConditions': "
                + "[{'Key': 'Tags.a', 'Value': '1'}, {'Key': 'Tags.b', 'Value': '1'}, {'Key': 'Tags.c', 'Value': '1'}, "
                + "{'Key': 'Tags.d', 'Value': '1'}, {'Key': 'Tags.e', 'Value': '1'}, {'Key': 'Tags.f', 'Value': '1'}]}"));
    }

    @Test
    void crossAccountFindsNothingLocallyAndOtherOptionsAreRefused() {
        assertEquals(3, call("Search", q("{'Resource': 'FeatureGroup', 'CrossAccountFilterOption': 'SameAccount'}"))
                .at("/TotalHits/Value").asInt());
        JsonNode cross = call("Search", q("{'Resource': 'FeatureGroup', 'CrossAccountFilterOption': 'CrossAccount'}"));
        assertEquals(0, cross.get("Results").size());
        assertEquals(0, cross.at("/TotalHits/Value").asInt());
        assertTrue(error("ValidationException", "Search", q("{'Resource': 'FeatureGroup', "
                + "'CrossAccountFilterOption': 'AllAccounts'}")).getMessage().contains("SameAccount, CrossAccount"));
    }

    private JsonNode filters(String filter) {
        return search("FeatureGroup", "{'Filters': [" + filter + "]}", ", 'SortBy': 'FeatureGroupName', "
                + "'SortOrder': 'Ascending'");
    }

    private JsonNode search(String resource, String expression, String rest) {
        return call("Search", q("{'Resource': '" + resource + "', 'SearchExpression': " + expression + rest + "}"));
    }

    private static List<String> groups(JsonNode response) {
        List<String> names = new ArrayList<>();
        response.get("Results").forEach(r -> names.add(r.at("/FeatureGroup/FeatureGroupName").asText()));
        return names;
    }
}
