package org.featureworkbench.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Create, describe, update and delete groups and their feature metadata through the control plane. */
class GroupOperationsTest extends ControlPlaneFixture {

    @Test
    void createAcceptsAnSdkRequestAndDescribeAnswersWithEpochSecondTimes() {
        long before = Instant.now().getEpochSecond();
        createGroup("customers", true, true, ", 'Description': 'who buys', 'Tags': [{'Key': 'team', 'Value': 'ml'}]");

        JsonNode d = call("DescribeFeatureGroup", q("{'FeatureGroupName': 'customers'}"));
        assertEquals("arn:aws:sagemaker:local:000000000000:feature-group/customers", d.get("FeatureGroupArn").asText());
        assertEquals("id", d.get("RecordIdentifierFeatureName").asText());
        assertEquals("ts", d.get("EventTimeFeatureName").asText());
        assertEquals(3, d.get("FeatureDefinitions").size());
        assertEquals("Fractional", d.at("/FeatureDefinitions/2/FeatureType").asText());
        assertTrue(d.get("CreationTime").isNumber(), d.toString());
        assertTrue(d.get("CreationTime").asLong() >= before && d.get("CreationTime").asLong() <= before + 5);
        assertTrue(d.get("LastModifiedTime").isNumber());
        assertEquals("Created", d.get("FeatureGroupStatus").asText());
        assertEquals("Active", d.at("/OfflineStoreStatus/Status").asText());
        assertTrue(d.at("/OnlineStoreConfig/EnableOnlineStore").asBoolean());
        assertTrue(d.at("/OfflineStoreConfig/S3StorageConfig/ResolvedOutputS3Uri").asText()
                .endsWith("/offline-store/customers-" + d.get("CreationTime").asLong() + "/data"));
        assertEquals("who buys", d.get("Description").asText());
        assertFalse(d.has("LastUpdateStatus"));
    }

    @Test
    void cloudOnlySettingsOfACreatedGroupAreOneNoticeForTheOperatorAndNothingOnTheWire() {
        JsonNode created = call("CreateFeatureGroup", q("{'FeatureGroupName': 'orders', 'RecordIdentifierFeatureName': 'id', "
                + "'EventTimeFeatureName': 'ts', 'FeatureDefinitions': [{'FeatureName': 'id', 'FeatureType': 'String'}, "
                + "{'FeatureName': 'ts', 'FeatureType': 'String'}], 'RoleArn': 'arn:aws:iam::1:role/r', "
                + "'OfflineStoreConfig': {'DataCatalogConfig': {'TableName': 't'}}}"));
        call("CreateFeatureGroup", q("{'FeatureGroupName': 'plain', 'RecordIdentifierFeatureName': 'id', "
                + "'EventTimeFeatureName': 'ts', 'FeatureDefinitions': [{'FeatureName': 'id', 'FeatureType': 'String'}, "
                + "{'FeatureName': 'ts', 'FeatureType': 'String'}], 'OfflineStoreConfig': {}}"));
        error("ResourceInUse", "CreateFeatureGroup", q("{'FeatureGroupName': 'orders', 'RecordIdentifierFeatureName': "
                + "'id', 'EventTimeFeatureName': 'ts', 'FeatureDefinitions': [{'FeatureName': 'id', 'FeatureType': "
                + "'String'}, {'FeatureName': 'ts', 'FeatureType': 'String'}], 'OfflineStoreConfig': {}, "
                + "'RoleArn': 'arn:aws:iam::1:role/r'}"));

        assertEquals(q("{'FeatureGroupArn':'arn:aws:sagemaker:local:000000000000:feature-group/orders'}"), created.toString());
        assertEquals(List.of("CreateFeatureGroup 'orders': RoleArn, OfflineStoreConfig.DataCatalogConfig: cloud-only,"
                + " ignored by the local store"), notices,
                "one line for the created group; none for a plain one or a refused one");
    }

    @Test
    void createResponseIsTheArnAndByArnDescribeFindsTheGroupInAnyCase() {
        JsonNode created = call("CreateFeatureGroup", q("{'FeatureGroupName': 'Orders', 'RecordIdentifierFeatureName': 'id', "
                + "'EventTimeFeatureName': 'ts', 'FeatureDefinitions': [{'FeatureName': 'id', 'FeatureType': 'Integral'}, "
                + "{'FeatureName': 'ts', 'FeatureType': 'String'}], 'OnlineStoreConfig': {'EnableOnlineStore': true}}"));
        assertEquals("arn:aws:sagemaker:local:000000000000:feature-group/Orders", created.get("FeatureGroupArn").asText());
        JsonNode d = call("DescribeFeatureGroup",
                q("{'FeatureGroupName': 'arn:aws:sagemaker:us-east-1:123456789012:feature-group/orders'}"));
        assertEquals("Orders", d.get("FeatureGroupName").asText());
        assertFalse(d.has("OfflineStoreStatus"));
    }

    @Test
    void errorsCarrySageMakersCodes() {
        createGroup("customers", true, false, "");
        assertTrue(error("ResourceInUse", "CreateFeatureGroup", q("{'FeatureGroupName': 'customers', "
                + "'RecordIdentifierFeatureName': 'id', 'EventTimeFeatureName': 'ts', 'FeatureDefinitions': "
                + "[{'FeatureName': 'id', 'FeatureType': 'String'}, {'FeatureName': 'ts', 'FeatureType': 'String'}], "
                + "'OnlineStoreConfig': {'EnableOnlineStore': true}}")).getMessage().contains("customers"));
        assertTrue(error("ResourceNotFound", "DescribeFeatureGroup", q("{'FeatureGroupName': 'nope'}"))
                .getMessage().contains("'nope' does not exist; ListFeatureGroups"));
        assertTrue(error("ValidationException", "CreateFeatureGroup", q("{'FeatureGroupName': 'bad name!', "
                + "'RecordIdentifierFeatureName': 'id', 'EventTimeFeatureName': 'ts', 'FeatureDefinitions': "
                + "[{'FeatureName': 'id', 'FeatureType': 'String'}, {'FeatureName': 'ts', 'FeatureType': 'String'}], "
                + "'OnlineStoreConfig': {'EnableOnlineStore': true}}")).getMessage().contains("FeatureGroupName"));
        assertTrue(error("ValidationException", "DescribeFeatureGroup", "{}").getMessage()
                .contains("needs FeatureGroupName"));
        assertTrue(error("SerializationException", "DescribeFeatureGroup", "{\"FeatureGroupName\": ")
                .getMessage().contains("not valid JSON"));
        assertTrue(error("UnknownOperationException", "CreateTrainingJob", "{}").getMessage()
                .contains("CreateTrainingJob"));
    }

    @Test
    void aCollectionFeatureIsAValidationErrorAndNoGroupIsCreated() {
        assertTrue(error("ValidationException", "CreateFeatureGroup", q("{'FeatureGroupName': 'lists', "
                + "'RecordIdentifierFeatureName': 'id', 'EventTimeFeatureName': 'ts', 'FeatureDefinitions': "
                + "[{'FeatureName': 'id', 'FeatureType': 'String'}, {'FeatureName': 'ts', 'FeatureType': 'String'}, "
                + "{'FeatureName': 'tags', 'FeatureType': 'String', 'CollectionType': 'List'}], "
                + "'OnlineStoreConfig': {'EnableOnlineStore': true, 'StorageType': 'InMemory'}}")).getMessage()
                .contains("FeatureDefinitions[2].CollectionType: collection features (List) are not supported"));
        error("ResourceNotFound", "DescribeFeatureGroup", q("{'FeatureGroupName': 'lists'}"));
    }

    @Test
    void updateAddsFeaturesOrChangesTheTtlButNotBothAtOnce() {
        createGroup("customers", true, true, "");
        JsonNode added = call("UpdateFeatureGroup", q("{'FeatureGroupName': 'customers', 'FeatureAdditions': "
                + "[{'FeatureName': 'city', 'FeatureType': 'String'}]}"));
        assertEquals("arn:aws:sagemaker:local:000000000000:feature-group/customers", added.get("FeatureGroupArn").asText());
        call("UpdateFeatureGroup", q("{'FeatureGroupName': 'customers', 'OnlineStoreConfig': {'TtlDuration': "
                + "{'Unit': 'Days', 'Value': 7}}}"));

        JsonNode d = call("DescribeFeatureGroup", q("{'FeatureGroupName': 'customers'}"));
        assertEquals("city", d.at("/FeatureDefinitions/3/FeatureName").asText());
        assertEquals("Days", d.at("/OnlineStoreConfig/TtlDuration/Unit").asText());
        assertEquals(7, d.at("/OnlineStoreConfig/TtlDuration/Value").asInt());
        assertEquals("Successful", d.at("/LastUpdateStatus/Status").asText());

        call("UpdateFeatureGroup", q("{'FeatureGroupName': 'customers', 'OnlineStoreConfig': {'TtlDuration': "
                + "{'Unit': null, 'Value': null}}}"));
        assertTrue(call("DescribeFeatureGroup", q("{'FeatureGroupName': 'customers'}"))
                .at("/OnlineStoreConfig/TtlDuration").isMissingNode());

        error("ValidationException", "UpdateFeatureGroup", q("{'FeatureGroupName': 'customers', 'FeatureAdditions': "
                + "[{'FeatureName': 'x', 'FeatureType': 'String'}], 'OnlineStoreConfig': {}}"));
        assertTrue(error("ValidationException", "UpdateFeatureGroup", q("{'FeatureGroupName': 'customers', "
                + "'FeatureAdditions': [{'FeatureName': 'city', 'FeatureType': 'String'}]}")).getMessage().contains("city"));
        error("ValidationException", "UpdateFeatureGroup", q("{'FeatureGroupName': 'customers', 'OnlineStoreConfig': "
                + "{'TtlDuration': {'Unit': 'Days'}}}"));
        error("ResourceNotFound", "UpdateFeatureGroup", q("{'FeatureGroupName': 'nope', 'OnlineStoreConfig': {}}"));
        assertEquals(added, call("UpdateFeatureGroup", q("{'FeatureGroupName': 'customers', 'ThroughputConfig': "
                + "{'ThroughputMode': 'OnDemand'}}")));
        error("ValidationException", "UpdateFeatureGroup", q("{'FeatureGroupName': 'customers'}"));
    }

    @Test
    void addingPastTheFeatureLimitIsResourceLimitExceeded() {
        StringBuilder features = new StringBuilder("{'FeatureName': 'id', 'FeatureType': 'String'}, "
                + "{'FeatureName': 'ts', 'FeatureType': 'Fractional'}");
        for (int i = 2; i < 2_499; i++) {
            features.append(", {'FeatureName': 'f").append(i).append("', 'FeatureType': 'Integral'}");
        }
        call("CreateFeatureGroup", q("{'FeatureGroupName': 'wide', 'RecordIdentifierFeatureName': 'id', "
                + "'EventTimeFeatureName': 'ts', 'FeatureDefinitions': [" + features + "], "
                + "'OfflineStoreConfig': {}}"));
        assertTrue(error("ResourceLimitExceeded", "UpdateFeatureGroup", q("{'FeatureGroupName': 'wide', "
                + "'FeatureAdditions': [{'FeatureName': 'x', 'FeatureType': 'String'}, "
                + "{'FeatureName': 'y', 'FeatureType': 'String'}]}")).getMessage().contains("2500"));
        call("UpdateFeatureGroup", q("{'FeatureGroupName': 'wide', 'FeatureAdditions': "
                + "[{'FeatureName': 'x', 'FeatureType': 'String'}]}"));
        assertEquals(2_500, call("DescribeFeatureGroup", q("{'FeatureGroupName': 'wide'}"))
                .get("FeatureDefinitions").size());
    }

    @Test
    void aTtlOnAGroupWithoutOnlineStoreIsRefused() {
        createGroup("history", false, true, "");
        assertTrue(error("ValidationException", "UpdateFeatureGroup", q("{'FeatureGroupName': 'history', "
                + "'OnlineStoreConfig': {'TtlDuration': {'Unit': 'Hours', 'Value': 1}}}")).getMessage()
                .contains("no online store"));
    }

    @Test
    void featureMetadataIsUpdatedAndDescribed() {
        createGroup("customers", true, false, "");
        assertNull(call("UpdateFeatureMetadata", q("{'FeatureGroupName': 'customers', 'FeatureName': 'amount', "
                + "'Description': 'order total', 'ParameterAdditions': [{'Key': 'unit', 'Value': 'EUR'}, "
                + "{'Key': 'owner', 'Value': 'sales'}]}")));
        call("UpdateFeatureMetadata", q("{'FeatureGroupName': 'customers', 'FeatureName': 'amount', "
                + "'ParameterRemovals': ['owner']}"));

        JsonNode m = call("DescribeFeatureMetadata", q("{'FeatureGroupName': 'customers', 'FeatureName': 'amount'}"));
        assertEquals("customers", m.get("FeatureGroupName").asText());
        assertEquals("Fractional", m.get("FeatureType").asText());
        assertEquals("order total", m.get("Description").asText());
        assertEquals(1, m.get("Parameters").size());
        assertEquals("unit", m.at("/Parameters/0/Key").asText());
        assertEquals("EUR", m.at("/Parameters/0/Value").asText());
        assertTrue(m.get("LastModifiedTime").isNumber());

        assertTrue(error("ResourceNotFound", "DescribeFeatureMetadata", q("{'FeatureGroupName': 'customers', "
                + "'FeatureName': 'nope'}")).getMessage().contains("'nope'"));
        error("ResourceNotFound", "UpdateFeatureMetadata", q("{'FeatureGroupName': 'customers', 'FeatureName': 'nope', "
                + "'Description': 'x'}"));
        error("ValidationException", "UpdateFeatureMetadata", q("{'FeatureGroupName': 'customers', 'FeatureName': "
                + "'amount', 'Description': '" + "x".repeat(300) + "'}"));
    }

    @Test
    void deleteRemovesTheGroupAndASecondDeleteIsNotFound() {
        createGroup("customers", true, true, "");
        assertNull(call("DeleteFeatureGroup", q("{'FeatureGroupName': 'customers'}")));
        error("ResourceNotFound", "DescribeFeatureGroup", q("{'FeatureGroupName': 'customers'}"));
        error("ResourceNotFound", "DeleteFeatureGroup", q("{'FeatureGroupName': 'customers'}"));
    }
}
