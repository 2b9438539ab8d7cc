package org.featureworkbench.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CrossAccountFilterOption;
import software.amazon.awssdk.services.sagemaker.model.DescribeFeatureGroupResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeFeatureMetadataResponse;
import software.amazon.awssdk.services.sagemaker.model.FeatureDefinition;
import software.amazon.awssdk.services.sagemaker.model.FeatureGroupStatus;
import software.amazon.awssdk.services.sagemaker.model.FeatureGroupSummary;
import software.amazon.awssdk.services.sagemaker.model.FeatureParameter;
import software.amazon.awssdk.services.sagemaker.model.FeatureType;
import software.amazon.awssdk.services.sagemaker.model.Filter;
import software.amazon.awssdk.services.sagemaker.model.ListFeatureGroupsResponse;
import software.amazon.awssdk.services.sagemaker.model.Operator;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.ResourceType;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SearchResponse;
import software.amazon.awssdk.services.sagemaker.model.VisibilityConditions;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TtlDurationUnit;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.SageMakerFeatureStoreRuntimeClient;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.BatchGetRecordIdentifier;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.BatchGetRecordResponse;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.BatchGetRecordResultDetail;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.DeletionMode;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.ExpirationTimeResponse;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.FeatureValue;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.GetRecordResponse;

/**
 * AWS's own Feature Store introduction walkthrough, run unchanged by the real AWS SDK for Java v2
 * clients against the local endpoint: two groups (customers and orders), describe, list, put,
 * get, batch-get across both groups, feature metadata and its search, soft and hard record
 * deletes, group deletes. Every response is asserted. One workspace and server for the class:
 * starting and stopping them costs more than the calls; no test leaves a group behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SageMakerSdkWalkthroughIT {
    private static final String CUSTOMERS = "customers-feature-group";
    private static final String ORDERS = "orders-feature-group";

    private FeatureStore store;
    private RunningApiServer server;
    private SageMakerClient sagemaker;
    private SageMakerFeatureStoreRuntimeClient runtime;

    @BeforeAll
    void start(@TempDir Path workspace) {
        store = Workspace.open(workspace);
        server = store.api().start(new ApiServerOptions("127.0.0.1", 0, Optional.empty()));
        URI endpoint = server.endpoint();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDLOCAL", "local-secret"));
        sagemaker = SageMakerClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        runtime = SageMakerFeatureStoreRuntimeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    void stop() {
        sagemaker.close();
        runtime.close();
        server.close();
        store.close();
    }

    @Test
    void theFeatureStoreIntroductionRunsAsOnAws() {
        long startedAt = Instant.now().getEpochSecond();
        createGroups();
        describeAndList(startedAt);
        ingest();
        getRecords();
        batchGetAcrossBothGroups();
        featureMetadataAndItsSearch();
        addAFeatureAndATtl();
        deleteRecords();
        deleteGroups();
    }

    private void createGroups() {
        String customersArn = sagemaker.createFeatureGroup(b -> b.featureGroupName(CUSTOMERS)
                .recordIdentifierFeatureName("customer_id").eventTimeFeatureName("EventTime")
                .featureDefinitions(feature("customer_id", FeatureType.INTEGRAL), feature("city_code", FeatureType.INTEGRAL),
                        feature("state_code", FeatureType.INTEGRAL), feature("country_code", FeatureType.INTEGRAL),
                        feature("EventTime", FeatureType.FRACTIONAL))
                .onlineStoreConfig(o -> o.enableOnlineStore(true))
                .offlineStoreConfig(o -> o.s3StorageConfig(s -> s.s3Uri("s3://sagemaker-us-east-1-123/featurestore")))
                .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
                .description("customers of the walkthrough")).featureGroupArn();
        assertTrue(customersArn.endsWith(":feature-group/" + CUSTOMERS), customersArn);

        String ordersArn = sagemaker.createFeatureGroup(b -> b.featureGroupName(ORDERS)
                .recordIdentifierFeatureName("customer_id").eventTimeFeatureName("EventTime")
                .featureDefinitions(feature("customer_id", FeatureType.INTEGRAL), feature("order_id", FeatureType.STRING),
                        feature("order_status", FeatureType.STRING), feature("store_id", FeatureType.INTEGRAL),
                        feature("EventTime", FeatureType.FRACTIONAL))
                .onlineStoreConfig(o -> o.enableOnlineStore(true))
                .offlineStoreConfig(o -> o.s3StorageConfig(s -> s.s3Uri("s3://sagemaker-us-east-1-123/featurestore")))
                .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
                .tags(Tag.builder().key("team").value("orders").build())).featureGroupArn();
        assertTrue(ordersArn.endsWith(":feature-group/" + ORDERS), ordersArn);

        ResourceInUseException taken = assertThrows(ResourceInUseException.class, () -> sagemaker.createFeatureGroup(
                b -> b.featureGroupName(ORDERS).recordIdentifierFeatureName("customer_id").eventTimeFeatureName("EventTime")
                        .featureDefinitions(feature("customer_id", FeatureType.INTEGRAL),
                                feature("EventTime", FeatureType.FRACTIONAL))
                        .onlineStoreConfig(o -> o.enableOnlineStore(true))));
        assertEquals(400, taken.statusCode());
        assertTrue(taken.awsErrorDetails().errorMessage().contains(ORDERS), taken.getMessage());
    }

    private void describeAndList(long startedAt) {
        DescribeFeatureGroupResponse customers = sagemaker.describeFeatureGroup(b -> b.featureGroupName(CUSTOMERS));
        assertEquals(FeatureGroupStatus.CREATED, customers.featureGroupStatus());
        assertEquals("customer_id", customers.recordIdentifierFeatureName());
        assertEquals("EventTime", customers.eventTimeFeatureName());
        assertEquals(List.of("customer_id", "city_code", "state_code", "country_code", "EventTime"),
                customers.featureDefinitions().stream().map(FeatureDefinition::featureName).toList());
        assertEquals(FeatureType.FRACTIONAL, customers.featureDefinitions().get(4).featureType());
        assertTrue(customers.onlineStoreConfig().enableOnlineStore());
        assertEquals("Active", customers.offlineStoreStatus().statusAsString());
        assertTrue(customers.offlineStoreConfig().s3StorageConfig().resolvedOutputS3Uri().startsWith("file:"));
        assertTrue(customers.creationTime().getEpochSecond() >= startedAt, customers.creationTime().toString());
        assertTrue(customers.creationTime().isBefore(Instant.now().plusSeconds(5)));
        assertEquals("customers of the walkthrough", customers.description());

        ListFeatureGroupsResponse listed = sagemaker.listFeatureGroups(b -> b.nameContains("feature-group")
                .sortBy("Name").sortOrder("Ascending"));
        assertEquals(List.of(CUSTOMERS, ORDERS), listed.featureGroupSummaries().stream()
                .map(FeatureGroupSummary::featureGroupName).toList());
        assertEquals(FeatureGroupStatus.CREATED, listed.featureGroupSummaries().get(0).featureGroupStatus());
        assertEquals(null, listed.nextToken());

        ListFeatureGroupsResponse firstPage = sagemaker.listFeatureGroups(b -> b.maxResults(1).sortBy("Name"));
        assertEquals(1, firstPage.featureGroupSummaries().size());
        ListFeatureGroupsResponse secondPage = sagemaker.listFeatureGroups(b -> b.maxResults(1).sortBy("Name")
                .nextToken(firstPage.nextToken()));
        assertEquals(1, secondPage.featureGroupSummaries().size());
        assertFalse(firstPage.featureGroupSummaries().get(0).featureGroupName()
                .equals(secondPage.featureGroupSummaries().get(0).featureGroupName()));
        // The SDK's own paginator follows NextToken to the end.
        assertEquals(2, sagemaker.listFeatureGroupsPaginator(b -> b.maxResults(1)).featureGroupSummaries()
                .stream().count());
    }

    private void ingest() {
        // As the walkthrough writes it: epoch seconds with a fraction.
        String now = BigDecimal.valueOf(Instant.now().toEpochMilli(), 3).toPlainString();
        for (long[] c : new long[][] {{573291, 1, 49, 2}, {109382, 2, 40, 2}, {828400, 3, 31, 2}, {124013, 4, 5, 2}}) {
            runtime.putRecord(b -> b.featureGroupName(CUSTOMERS).record(value("customer_id", c[0]),
                    value("city_code", c[1]), value("state_code", c[2]), value("country_code", c[3]),
                    value("EventTime", now)));
        }
        String[][] orders = {{"573291", "oid_1", "Delivered", "1"}, {"109382", "oid_2", "Pending", "2"},
            {"828400", "oid_3", "Shipped", "3"}};
        for (String[] o : orders) {
            runtime.putRecord(b -> b.featureGroupName(ORDERS).record(value("customer_id", o[0]),
                    value("order_id", o[1]), value("order_status", o[2]), value("store_id", o[3]),
                    value("EventTime", now)));
        }
    }

    private void getRecords() {
        GetRecordResponse record = runtime.getRecord(b -> b.featureGroupName(CUSTOMERS)
                .recordIdentifierValueAsString("573291"));
        Map<String, String> values = values(record.record());
        assertEquals("573291", values.get("customer_id"));
        assertEquals("1", values.get("city_code"));
        assertEquals("49", values.get("state_code"));
        assertEquals(5, values.size());

        GetRecordResponse projected = runtime.getRecord(b -> b.featureGroupName(ORDERS)
                .recordIdentifierValueAsString("109382").featureNames("order_status"));
        assertEquals(Map.of("order_status", "Pending"), values(projected.record()));

        assertTrue(runtime.getRecord(b -> b.featureGroupName(CUSTOMERS).recordIdentifierValueAsString("999"))
                .record().isEmpty());
    }

    private void batchGetAcrossBothGroups() {
        BatchGetRecordResponse batch = runtime.batchGetRecord(b -> b.identifiers(
                BatchGetRecordIdentifier.builder().featureGroupName(CUSTOMERS)
                        .recordIdentifiersValueAsString("573291", "109382", "404").build(),
                BatchGetRecordIdentifier.builder().featureGroupName(ORDERS)
                        .recordIdentifiersValueAsString("573291").featureNames("order_id", "order_status").build()));
        Map<String, Map<String, String>> found = batch.records().stream().collect(Collectors.toMap(
                r -> r.featureGroupName() + "/" + r.recordIdentifierValueAsString(), r -> values(r.record())));
        assertEquals(3, found.size(), found.toString());
        assertEquals("2", found.get(CUSTOMERS + "/109382").get("city_code"));
        assertEquals(Map.of("order_id", "oid_1", "order_status", "Delivered"), found.get(ORDERS + "/573291"));
        assertTrue(batch.errors().isEmpty(), batch.errors().toString());
        // A missing record is not an error: it is listed as unprocessed only if it could not be read.
        assertFalse(batch.records().stream().map(BatchGetRecordResultDetail::recordIdentifierValueAsString)
                .anyMatch("404"::equals));
    }

    private void featureMetadataAndItsSearch() {
        sagemaker.updateFeatureMetadata(b -> b.featureGroupName(CUSTOMERS).featureName("city_code")
                .description("city of the customer's billing address")
                .parameterAdditions(FeatureParameter.builder().key("team").value("billing").build(),
                        FeatureParameter.builder().key("pii").value("no").build()));
        DescribeFeatureMetadataResponse metadata = sagemaker.describeFeatureMetadata(b -> b
                .featureGroupName(CUSTOMERS).featureName("city_code"));
        assertEquals("city of the customer's billing address", metadata.description());
        assertEquals(FeatureType.INTEGRAL, metadata.featureType());
        assertEquals(Map.of("team", "billing", "pii", "no"), metadata.parameters().stream()
                .collect(Collectors.toMap(FeatureParameter::key, FeatureParameter::value)));
        assertFalse(metadata.lastModifiedTime().isBefore(metadata.creationTime()));

        SearchResponse search = sagemaker.search(b -> b.resource(ResourceType.FEATURE_METADATA)
                .searchExpression(e -> e.filters(
                        Filter.builder().name("FeatureGroupName").operator(Operator.CONTAINS).value("customers").build(),
                        Filter.builder().name("Parameters.team").operator(Operator.EQUALS).value("billing").build())));
        assertEquals(1, search.results().size());
        assertEquals("city_code", search.results().get(0).featureMetadata().featureName());
        assertEquals(CUSTOMERS, search.results().get(0).featureMetadata().featureGroupName());

        SearchResponse groups = sagemaker.search(b -> b.resource(ResourceType.FEATURE_GROUP)
                .searchExpression(e -> e.filters(Filter.builder().name("Tags.team").value("orders").build())));
        assertEquals(List.of(ORDERS), groups.results().stream().map(r -> r.featureGroup().featureGroupName()).toList());
        assertEquals(5, groups.results().get(0).featureGroup().featureDefinitions().size());
        // The SDK's names for the two request members this endpoint reads since issue 13's follow-up.
        SearchResponse visible = sagemaker.search(b -> b.resource(ResourceType.FEATURE_GROUP)
                .crossAccountFilterOption(CrossAccountFilterOption.SAME_ACCOUNT)
                .visibilityConditions(VisibilityConditions.builder().key("Tags.team").value("customers").build()));
        assertEquals(List.of(CUSTOMERS), visible.results().stream().map(r -> r.featureGroup().featureGroupName())
                .toList());
        assertEquals(0, sagemaker.search(b -> b.resource(ResourceType.FEATURE_GROUP)
                .crossAccountFilterOption(CrossAccountFilterOption.CROSS_ACCOUNT)).results().size());

        String ordersArn = groups.results().get(0).featureGroup().featureGroupArn();
        sagemaker.addTags(b -> b.resourceArn(ordersArn).tags(Tag.builder().key("stage").value("demo").build()));
        assertEquals(Map.of("team", "orders", "stage", "demo"), sagemaker.listTags(b -> b.resourceArn(ordersArn))
                .tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)));
    }

    /** UpdateFeatureGroup: a new feature is writable at once; a TTL applies to records put after it. */
    private void addAFeatureAndATtl() {
        sagemaker.updateFeatureGroup(b -> b.featureGroupName(ORDERS)
                .featureAdditions(feature("discount", FeatureType.FRACTIONAL)));
        assertEquals("discount", sagemaker.describeFeatureGroup(b -> b.featureGroupName(ORDERS))
                .featureDefinitions().get(5).featureName());
        sagemaker.updateFeatureGroup(b -> b.featureGroupName(ORDERS)
                .onlineStoreConfig(o -> o.ttlDuration(t -> t.unit(TtlDurationUnit.DAYS).value(2))));
        DescribeFeatureGroupResponse updated = sagemaker.describeFeatureGroup(b -> b.featureGroupName(ORDERS));
        assertEquals(TtlDurationUnit.DAYS, updated.onlineStoreConfig().ttlDuration().unit());
        assertEquals(2, updated.onlineStoreConfig().ttlDuration().value());
        assertEquals("Successful", updated.lastUpdateStatus().statusAsString());

        long eventTime = Instant.now().getEpochSecond();
        runtime.putRecord(b -> b.featureGroupName(ORDERS).record(value("customer_id", 124013),
                value("order_id", "oid_4"), value("order_status", "Pending"), value("store_id", 4),
                value("discount", 0.25), value("EventTime", eventTime)));
        GetRecordResponse fresh = runtime.getRecord(b -> b.featureGroupName(ORDERS)
                .recordIdentifierValueAsString("124013").expirationTimeResponse(ExpirationTimeResponse.ENABLED));
        assertEquals("0.25", values(fresh.record()).get("discount"));
        assertEquals(Instant.ofEpochSecond(eventTime).plus(Duration.ofDays(2)), Instant.parse(fresh.expiresAt()));
        GetRecordResponse older = runtime.getRecord(b -> b.featureGroupName(ORDERS)
                .recordIdentifierValueAsString("828400").expirationTimeResponse(ExpirationTimeResponse.ENABLED));
        assertEquals("Shipped", values(older.record()).get("order_status"));
        assertEquals(null, older.expiresAt(), "a record put before the TTL keeps living");
    }

    private void deleteRecords() {
        String later = BigDecimal.valueOf(Instant.now().plusSeconds(1).toEpochMilli(), 3).toPlainString();
        runtime.deleteRecord(b -> b.featureGroupName(CUSTOMERS).recordIdentifierValueAsString("573291")
                .eventTime(later));
        assertTrue(runtime.getRecord(b -> b.featureGroupName(CUSTOMERS).recordIdentifierValueAsString("573291"))
                .record().isEmpty());

        runtime.deleteRecord(b -> b.featureGroupName(CUSTOMERS).recordIdentifierValueAsString("109382")
                .eventTime(later).deletionMode(DeletionMode.HARD_DELETE));
        assertTrue(runtime.getRecord(b -> b.featureGroupName(CUSTOMERS).recordIdentifierValueAsString("109382"))
                .record().isEmpty());
        assertEquals("3", values(runtime.getRecord(b -> b.featureGroupName(CUSTOMERS)
                .recordIdentifierValueAsString("828400")).record()).get("city_code"));
    }

    private void deleteGroups() {
        sagemaker.deleteFeatureGroup(b -> b.featureGroupName(ORDERS));
        sagemaker.deleteFeatureGroup(b -> b.featureGroupName(CUSTOMERS));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class,
                () -> sagemaker.describeFeatureGroup(b -> b.featureGroupName(CUSTOMERS)));
        assertTrue(gone.awsErrorDetails().errorMessage().contains(CUSTOMERS), gone.getMessage());
        assertTrue(sagemaker.listFeatureGroups(b -> { }).featureGroupSummaries().isEmpty());
    }

    @Test
    void badRequestsRaiseTheSdksExceptionsWithOurMessages() {
        SageMakerException invalid = assertThrows(SageMakerException.class, () -> sagemaker.createFeatureGroup(b -> b
                .featureGroupName("bad name!").recordIdentifierFeatureName("id").eventTimeFeatureName("t")
                .featureDefinitions(feature("id", FeatureType.STRING), feature("t", FeatureType.STRING))
                .onlineStoreConfig(o -> o.enableOnlineStore(true))));
        assertEquals("ValidationException", invalid.awsErrorDetails().errorCode());
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.awsErrorDetails().errorMessage().contains("FeatureGroupName"), invalid.getMessage());

        assertThrows(ResourceNotFoundException.class, () -> sagemaker.describeFeatureMetadata(b -> b
                .featureGroupName("nope").featureName("x")));
        SageMakerException search = assertThrows(SageMakerException.class, () -> sagemaker.search(b -> b
                .resource(ResourceType.TRAINING_JOB)));
        assertEquals("ValidationException", search.awsErrorDetails().errorCode());
    }

    private static FeatureDefinition feature(String name, FeatureType type) {
        return FeatureDefinition.builder().featureName(name).featureType(type).build();
    }

    private static FeatureValue value(String name, Object value) {
        return FeatureValue.builder().featureName(name).valueAsString(String.valueOf(value)).build();
    }

    private static Map<String, String> values(List<FeatureValue> record) {
        return record.stream().collect(Collectors.toMap(FeatureValue::featureName, FeatureValue::valueAsString));
    }
}
