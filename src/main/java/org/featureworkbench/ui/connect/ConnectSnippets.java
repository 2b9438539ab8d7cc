package org.featureworkbench.ui.connect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.featureworkbench.api.ApiCredentials;

/**
 * The ready-to-copy examples of the Connect page: boto3, the AWS CLI and the AWS SDK for Java v2,
 * each pointed at the local endpoint with the workspace's groups and the credentials to sign with.
 * Plain text, no JavaFX, so the exact text is unit tested.
 *
 * @param endpoint     what clients put in {@code endpoint_url}, e.g. {@code http://127.0.0.1:8787}
 * @param groups       the workspace's feature group names, listed in a comment
 * @param exampleGroup the group the get-record examples read (null when the workspace has none)
 * @param exampleId    a record identifier of that group (or a placeholder)
 * @param accessKey    the access key clients sign with
 * @param secretKey    its secret
 * @param signed       whether the server checks signatures (else any key works; the comment says so)
 */
public record ConnectSnippets(String endpoint, List<String> groups, String exampleGroup, String exampleId,
                              String accessKey, String secretKey, boolean signed) {
    /** The region every snippet names: the server ignores it, but the SDKs need one to sign. */
    public static final String REGION = "us-east-1";
    /** Used in the examples when the workspace has no group yet. */
    static final String NO_GROUP = "my-feature-group";
    /** Used in the examples when no record identifier is known. */
    static final String NO_ID = "record-id";
    /** The dummy key shown when the server accepts any signature. */
    static final String DUMMY = "test";

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    public ConnectSnippets {
        Objects.requireNonNull(endpoint, "endpoint");
        groups = List.copyOf(groups);
        exampleGroup = exampleGroup == null || exampleGroup.isBlank() ? NO_GROUP : exampleGroup;
        exampleId = exampleId == null || exampleId.isBlank() ? NO_ID : exampleId;
    }

    /** The snippets for a server that requires these credentials, or accepts any (then with dummy keys). */
    public static ConnectSnippets signedWith(Optional<ApiCredentials> credentials, String endpoint, List<String> groups,
                                             String exampleGroup, String exampleId) {
        return new ConnectSnippets(endpoint, groups, exampleGroup, exampleId,
                credentials.map(ApiCredentials::accessKeyId).orElse(DUMMY),
                credentials.map(ApiCredentials::secretKey).orElse(DUMMY), credentials.isPresent());
    }

    /** The groups comment line's text after its comment marker. */
    String groupsLine() {
        return groups.isEmpty() ? "No feature groups in this workspace yet: create one first."
                : "Feature groups in this workspace: " + String.join(", ", groups);
    }

    private String credentialsLine() {
        return signed ? "The server checks SigV4 signatures: sign with this access key."
                : "The server accepts any signature: any access key works.";
    }

    /** Python: a runtime client reading one record, and a SageMaker client listing the groups. */
    public String boto3() {
        String client = """
                    endpoint_url=%s,
                    region_name="%s",
                    aws_access_key_id=%s,
                    aws_secret_access_key=%s,
                )
                """.formatted(py(endpoint), REGION, py(accessKey), py(secretKey));
        return "import boto3\n\n"
                + "# " + groupsLine() + "\n"
                + "# " + credentialsLine() + "\n"
                + "runtime = boto3.client(\n    \"sagemaker-featurestore-runtime\",\n" + client
                + "record = runtime.get_record(\n"
                + "    FeatureGroupName=" + py(exampleGroup) + ",\n"
                + "    RecordIdentifierValueAsString=" + py(exampleId) + ",\n"
                + ")\n"
                + "print(record.get(\"Record\"))\n\n"
                + "sagemaker = boto3.client(\n    \"sagemaker\",\n" + client
                + "for group in sagemaker.list_feature_groups()[\"FeatureGroupSummaries\"]:\n"
                + "    print(group[\"FeatureGroupName\"])\n";
    }

    /** Shell: the credentials as environment variables, then get-record and list-feature-groups. */
    public String awsCli() {
        return "# " + groupsLine() + "\n"
                + "# " + credentialsLine() + "\n"
                + "export AWS_ACCESS_KEY_ID=" + sh(accessKey) + " AWS_SECRET_ACCESS_KEY=" + sh(secretKey) + "\n\n"
                + "aws sagemaker-featurestore-runtime get-record --endpoint-url " + sh(endpoint)
                + " --region " + REGION + " \\\n"
                + "    --feature-group-name " + sh(exampleGroup)
                + " --record-identifier-value-as-string " + sh(exampleId) + "\n\n"
                + "aws sagemaker list-feature-groups --endpoint-url " + sh(endpoint) + " --region " + REGION + "\n";
    }

    /** Java: a runtime client built with endpointOverride and static credentials, reading one record. */
    public String javaSdk() {
        return "// Maven: software.amazon.awssdk:sagemakerfeaturestoreruntime (AWS SDK for Java v2)\n"
                + "import java.net.URI;\n"
                + "import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;\n"
                + "import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;\n"
                + "import software.amazon.awssdk.regions.Region;\n"
                + "import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.SageMakerFeatureStoreRuntimeClient;\n"
                + "import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.GetRecordResponse;\n\n"
                + "// " + groupsLine() + "\n"
                + "// " + credentialsLine() + "\n"
                + "try (SageMakerFeatureStoreRuntimeClient runtime = SageMakerFeatureStoreRuntimeClient.builder()\n"
                + "        .endpointOverride(URI.create(" + java(endpoint) + "))\n"
                + "        .region(Region.US_EAST_1)\n"
                + "        .credentialsProvider(StaticCredentialsProvider.create(\n"
                + "                AwsBasicCredentials.create(" + java(accessKey) + ", " + java(secretKey) + ")))\n"
                + "        .build()) {\n"
                + "    GetRecordResponse response = runtime.getRecord(r -> r\n"
                + "            .featureGroupName(" + java(exampleGroup) + ")\n"
                + "            .recordIdentifierValueAsString(" + java(exampleId) + "));\n"
                + "    response.record().forEach(f -> System.out.println(f.featureName() + \" = \" + f.valueAsString()));\n"
                + "}\n";
    }

    /** A Python string literal. */
    static String py(String s) {
        return '"' + escape(s) + '"';
    }

    /** A Java string literal. */
    static String java(String s) {
        return '"' + escape(s) + '"';
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A POSIX shell word: as is when it is plainly safe, else in single quotes. */
    static String sh(String s) {
        if (SHELL_SAFE.matcher(s).matches()) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
