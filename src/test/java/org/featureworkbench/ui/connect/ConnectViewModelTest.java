package org.featureworkbench.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.nio.file.Path;
import org.featureworkbench.api.ApiTraffic;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.Record;
import org.featureworkbench.testing.Definitions;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Connect page's settings, snippets and texts, without a window; the server's life is in ConnectServerViewModelTest. */
class ConnectViewModelTest {
    @TempDir
    Path workspace;
    FeatureStore store;
    ConnectViewModel vm;

    @BeforeEach
    void open() {
        store = Workspace.open(workspace);
        vm = new ConnectViewModel(store, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void thePortIsCheckedAsItIsTyped() {
        assertEquals("", vm.portErrorProperty().get(), "8787 by default");
        assertTrue(vm.canStartProperty().get());
        vm.portProperty().set("87a7");
        assertTrue(vm.portErrorProperty().get().contains("'87a7' is not"), vm.portErrorProperty().get());
        assertFalse(vm.canStartProperty().get());
        vm.portProperty().set("65536");
        assertFalse(vm.portErrorProperty().get().isEmpty());
        vm.portProperty().set("");
        assertTrue(vm.portErrorProperty().get().startsWith("Enter a port"), vm.portErrorProperty().get());
        vm.portProperty().set("0");
        assertEquals("", vm.portErrorProperty().get(), "0 picks a free port");
        vm.portProperty().set(" 9000 ");
        assertEquals("", vm.portErrorProperty().get());
        assertTrue(vm.canStartProperty().get());
    }

    @Test
    void aHostWithASchemeOrNoneIsRefused() {
        vm.hostProperty().set("http://127.0.0.1");
        assertTrue(vm.hostErrorProperty().get().contains("without http://"), vm.hostErrorProperty().get());
        assertFalse(vm.canStartProperty().get());
        vm.hostProperty().set("");
        assertFalse(vm.hostErrorProperty().get().isEmpty());
        vm.hostProperty().set("localhost");
        assertEquals("", vm.hostErrorProperty().get());
    }

    @Test
    void anAccessKeyNeedsItsSecret() {
        vm.accessKeyProperty().set("AKIDLOCAL");
        assertTrue(vm.credentialsErrorProperty().get().startsWith("Enter the secret"), vm.credentialsErrorProperty().get());
        assertFalse(vm.canStartProperty().get());
        vm.secretKeyProperty().set("s3cret");
        assertEquals("", vm.credentialsErrorProperty().get());
        assertTrue(vm.canStartProperty().get());
    }

    @Test
    void whileStoppedTheSnippetsUseTheConfiguredAddressAndDummyKeys() {
        vm.portProperty().set("9123");
        assertTrue(vm.boto3Property().get().contains("endpoint_url=\"http://127.0.0.1:9123\""), vm.boto3Property().get());
        assertTrue(vm.awsCliProperty().get().contains("export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test"));
        assertTrue(vm.javaSdkProperty().get().contains("URI.create(\"http://127.0.0.1:9123\")"));
        assertTrue(vm.boto3Property().get().contains("any access key works"));
    }

    @Test
    void withAnAccessKeyTheSnippetsSignWithIt() {
        vm.accessKeyProperty().set("AKIDLOCAL");
        vm.secretKeyProperty().set("s3cret");
        assertTrue(vm.boto3Property().get().contains("aws_access_key_id=\"AKIDLOCAL\""), vm.boto3Property().get());
        assertTrue(vm.boto3Property().get().contains("aws_secret_access_key=\"s3cret\""));
        assertTrue(vm.awsCliProperty().get().contains("The server checks SigV4 signatures"));
    }

    @Test
    void refreshFillsTheGroupsAndARealRecordIdentifier() {
        store.createFeatureGroup(Definitions.customers("customers"));
        store.createFeatureGroup(Definitions.customers("visits"));
        store.records().putRecord("customers", Record.builder().put("customer_id", "c42")
                .put("event_time", "2030-01-01T00:00:00Z").put("age", "41").build(), null, null);
        store.records().flush("customers");
        vm.refresh();
        String boto3 = vm.boto3Property().get();
        assertTrue(boto3.contains("# Feature groups in this workspace: customers, visits\n"), boto3);
        assertTrue(boto3.contains("FeatureGroupName=\"customers\",\n    RecordIdentifierValueAsString=\"c42\","), boto3);
        assertTrue(vm.awsCliProperty().get().contains("--feature-group-name customers --record-identifier-value-as-string c42"));
        assertTrue(vm.javaSdkProperty().get().contains(".recordIdentifierValueAsString(\"c42\")"));
    }

    @Test
    void trafficReadsAsRequestsRateAndErrors() {
        assertEquals("1,204 requests · 12.0/s · 3 errors", ConnectViewModel.trafficText(new ApiTraffic(1204, 3, 12.04)));
        assertEquals("1 request · 0.0/s · 1 error", ConnectViewModel.trafficText(new ApiTraffic(1, 1, 0)));
    }

    @Test
    void aStartFailureIsPutIntoWords() {
        String taken = StartFailure.describe(new FeatureStoreException("port 8787 is in use; pick one with --port",
                new BindException("Address already in use")), "127.0.0.1", 8787);
        assertTrue(taken.startsWith("Port 8787 on 127.0.0.1 is in use by another program"), taken);
        assertEquals("The API server already runs at http://x; stop it first",
                StartFailure.describe(new FeatureStoreException("the API server already runs at http://x; stop it first"),
                        "127.0.0.1", 1));
        String unexpected = StartFailure.describe(new IllegalStateException("boom"), "127.0.0.1", 1);
        assertFalse(unexpected.contains("IllegalStateException") || unexpected.contains("boom"), unexpected);
    }

    @Test
    void anotherComputersReachNeedsAKeyAndThenWarns() {
        vm.hostProperty().set("0.0.0.0");
        vm.start();
        assertEquals(ServerState.STOPPED, vm.stateProperty().get());
        assertTrue(vm.errorProperty().get().startsWith("Listening on 0.0.0.0 lets other computers reach"),
                vm.errorProperty().get());
        assertTrue(store.api().running().isEmpty());

        vm.hostProperty().set("no-such-host.invalid");
        vm.start();
        assertTrue(vm.errorProperty().get().startsWith("The host 'no-such-host.invalid' is not known"),
                vm.errorProperty().get());
    }

    @Test
    void theStatusBarSaysStoppedUntilStarted() {
        assertEquals(ServerState.STOPPED, vm.stateProperty().get());
        assertEquals("API stopped", vm.statusBarTextProperty().get());
        assertEquals("Stopped", vm.statusTextProperty().get());
        assertFalse(vm.canStopProperty().get());
    }
}
