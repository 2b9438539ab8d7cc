package org.featureworkbench.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact text of the Connect page's snippets. */
class ConnectSnippetsTest {
    private final ConnectSnippets open = new ConnectSnippets("http://127.0.0.1:8787",
            List.of("customers", "orders", "transactions"), "customers", "C0001", "test", "test", false);

    @Test
    void boto3ReadsOneRecordAndListsTheGroups() {
        assertEquals("""
                import boto3

                # Feature groups in this workspace: customers, orders, transactions
                # The server accepts any signature: any access key works.
                runtime = boto3.client(
                    "sagemaker-featurestore-runtime",
                    endpoint_url="http://127.0.0.1:8787",
                    region_name="us-east-1",
                    aws_access_key_id="test",
                    aws_secret_access_key="test",
                )
                record = runtime.get_record(
                    FeatureGroupName="customers",
                    RecordIdentifierValueAsString="C0001",
                )
                print(record.get("Record"))

                sagemaker = boto3.client(
                    "sagemaker",
                    endpoint_url="http://127.0.0.1:8787",
                    region_name="us-east-1",
                    aws_access_key_id="test",
                    aws_secret_access_key="test",
                )
                for group in sagemaker.list_feature_groups()["FeatureGroupSummaries"]:
                    print(group["FeatureGroupName"])
                """, open.boto3());
    }

    @Test
    void awsCliSetsTheKeysThenGetsARecordAndListsTheGroups() {
        assertEquals("""
                # Feature groups in this workspace: customers, orders, transactions
                # The server accepts any signature: any access key works.
                export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test

                aws sagemaker-featurestore-runtime get-record --endpoint-url http://127.0.0.1:8787 --region us-east-1 \\
                    --feature-group-name customers --record-identifier-value-as-string C0001

                aws sagemaker list-feature-groups --endpoint-url http://127.0.0.1:8787 --region us-east-1
                """, open.awsCli());
    }

    @Test
    void javaBuildsARuntimeClientWithTheEndpointAndStaticCredentials() {
        String java = open.javaSdk();
        assertTrue(java.contains("""
                try (SageMakerFeatureStoreRuntimeClient runtime = SageMakerFeatureStoreRuntimeClient.builder()
                        .endpointOverride(URI.create("http://127.0.0.1:8787"))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test")))
                        .build()) {
                    GetRecordResponse response = runtime.getRecord(r -> r
                            .featureGroupName("customers")
                            .recordIdentifierValueAsString("C0001"));
                """), java);
        assertTrue(java.contains("// Feature groups in this workspace: customers, orders, transactions\n"), java);
        assertTrue(java.contains("import software.amazon.awssdk.regions.Region;\n"), java);
    }

    @Test
    void aSignedServerSaysSoAndQuotesSecretsForEachLanguage() {
        ConnectSnippets signed = new ConnectSnippets("http://localhost:9000", List.of("g"), "g", "it's \"x\"",
                "AKIDEXAMPLE", "wJal/rX+U\"tn$FEMI", true);
        assertTrue(signed.boto3().contains("# The server checks SigV4 signatures: sign with this access key.\n"));
        assertTrue(signed.boto3().contains("    aws_secret_access_key=\"wJal/rX+U\\\"tn$FEMI\",\n"), signed.boto3());
        assertTrue(signed.boto3().contains("RecordIdentifierValueAsString=\"it's \\\"x\\\"\","), signed.boto3());
        assertTrue(signed.awsCli().contains("export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY='wJal/rX+U\"tn$FEMI'\n"),
                signed.awsCli());
        assertTrue(signed.awsCli().contains("--record-identifier-value-as-string 'it'\\''s \"x\"'\n"), signed.awsCli());
        assertTrue(signed.javaSdk().contains("AwsBasicCredentials.create(\"AKIDEXAMPLE\", \"wJal/rX+U\\\"tn$FEMI\")"),
                signed.javaSdk());
    }

    @Test
    void anEmptyWorkspaceGetsPlaceholdersAndAHint() {
        ConnectSnippets empty = new ConnectSnippets("http://127.0.0.1:8787", List.of(), null, null, "test", "test", false);
        assertTrue(empty.boto3().contains("# No feature groups in this workspace yet: create one first.\n"));
        assertTrue(empty.awsCli().contains("--feature-group-name my-feature-group --record-identifier-value-as-string record-id\n"),
                empty.awsCli());
    }
}
