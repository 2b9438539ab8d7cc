package org.featureworkbench.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** AddTags, ListTags and DeleteTags on a group's ARN. */
class TagOperationsTest extends ControlPlaneFixture {
    private static final String ARN = "arn:aws:sagemaker:local:000000000000:feature-group/customers";

    @Test
    void tagsAreAddedListedAndDeletedByArn() {
        createGroup("customers", true, false, ", 'Tags': [{'Key': 'team', 'Value': 'ml'}]");

        JsonNode added = call("AddTags", q("{'ResourceArn': '" + ARN + "', 'Tags': [{'Key': 'stage', 'Value': 'dev'}, "
                + "{'Key': 'team', 'Value': 'data'}]}"));
        assertEquals(2, added.get("Tags").size());
        assertEquals("stage", added.at("/Tags/0/Key").asText());

        JsonNode listed = call("ListTags", q("{'ResourceArn': '" + ARN + "'}"));
        assertEquals("[{\"Key\":\"team\",\"Value\":\"data\"},{\"Key\":\"stage\",\"Value\":\"dev\"}]",
                listed.get("Tags").toString());

        assertEquals("{}", call("DeleteTags", q("{'ResourceArn': '" + ARN + "', 'TagKeys': ['team', 'absent']}"))
                .toString());
        assertEquals("[{\"Key\":\"stage\",\"Value\":\"dev\"}]",
                call("ListTags", q("{'ResourceArn': '" + ARN + "'}")).get("Tags").toString());
        assertEquals("dev", call("DescribeFeatureGroup", q("{'FeatureGroupName': 'customers'}")).at("/Tags/0/Value")
                .asText());
    }

    @Test
    void aWrongArnOrTagIsRefused() {
        createGroup("customers", true, false, "");
        error("ResourceNotFound", "ListTags", q("{'ResourceArn': 'arn:aws:sagemaker:local:000000000000:feature-group/x'}"));
        assertTrue(error("ValidationException", "AddTags", q("{'ResourceArn': "
                + "'arn:aws:sagemaker:us-east-1:1:endpoint/e', 'Tags': [{'Key': 'a', 'Value': 'b'}]}")).getMessage()
                .contains("only feature groups"));
        error("ValidationException", "AddTags", q("{'ResourceArn': '" + ARN + "', 'Tags': []}"));
        error("ValidationException", "AddTags", q("{'ResourceArn': '" + ARN + "', 'Tags': [{'Key': '"
                + "k".repeat(200) + "', 'Value': 'b'}]}"));
        error("ValidationException", "DeleteTags", q("{'ResourceArn': '" + ARN + "'}"));
        error("ValidationException", "ListTags", q("{'ResourceArn': '" + ARN + "', 'MaxResults': 10}"));
    }
}
