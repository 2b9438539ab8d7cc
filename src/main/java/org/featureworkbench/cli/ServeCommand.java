package org.featureworkbench.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.ApiTraffic;
import org.featureworkbench.api.HostAccess;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the workspace as a SageMaker-compatible endpoint for the AWS SDKs, boto3 and the
 * AWS CLI, until Ctrl+C. Ctrl+C runs the shutdown hook, which stops the server, closes the store
 * and prints what was served; an interrupted main thread (tests) does the same.
 */
@Command(name = "serve", description = {"Serve the workspace as a local SageMaker Feature Store endpoint until Ctrl+C.",
        "It answers the Feature Store Runtime and the SageMaker control plane APIs."},
        footer = {"", "Examples:", "  serve", "  serve --port 9000",
                "  serve --host 0.0.0.0 --credentials-file ~/.fwb-key"})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ApiServerOptions.DEFAULT_PORT,
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ApiServerOptions.DEFAULT_HOST,
            description = "Interface to listen on (default: ${DEFAULT-VALUE}); any other than loopback needs --credentials.")
    String host;

    @Option(names = "--credentials", paramLabel = "ACCESS_KEY:SECRET",
            description = "Accept only requests signed (SigV4) with this key.")
    String credentials;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "Read ACCESS_KEY:SECRET, or an AWS credentials file's [default] profile, from FILE.")
    Path credentialsFile;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Read profile NAME of --credentials-file instead of [default].")
    String profile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            if (port < 0 || port > 65535) {
                throw new ValidationException("--port", port + " is not a TCP port; give 1-65535 (or 0 for any free one)");
            }
            CredentialsOption.checkOptions(credentials, credentialsFile, profile);
        } catch (ValidationException e) {
            throw OptionNames.usageError(spec, e);
        }
        Optional<ApiCredentials> key = CredentialsOption.read(credentials, credentialsFile, profile);
        ApiServerOptions options = new ApiServerOptions(host, port, key);
        Optional<String> warning = HostAccess.check(options);
        FeatureStore store = root.openStore();
        RunningApiServer server;
        try {
            // A request's cloud-only settings are ignored; the wire cannot say so, the console does.
            store.api().onNotice(root.context()::warn);
            server = store.api().start(options);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        warning.ifPresent(root.context()::warn);
        printBanner(server, key.isPresent());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(store, server, stopped), "fwb-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(store, server, stopped);
        }
        return 0;
    }

    private void printBanner(RunningApiServer server, boolean signed) {
        String url = server.endpoint().toString();
        root.context().out().println("Serving " + root.workspaceDirectory() + " at " + url
                + " (SageMaker Feature Store Runtime and control plane); Ctrl+C stops it.");
        root.context().out().println("Try: aws sagemaker-featurestore-runtime get-record --endpoint-url " + url
                + " --region us-east-1 --feature-group-name GROUP --record-identifier-value-as-string ID"
                + "  (boto3: endpoint_url=\"" + url + "\"; " + (signed ? "sign with the --credentials key"
                : "any access key is accepted") + ")");
    }

    private synchronized void stop(FeatureStore store, RunningApiServer server, CountDownLatch stopped) {
        if (stopped.getCount() == 0) {
            return;
        }
        ApiTraffic traffic = server.traffic();
        store.close();
        root.context().out().println("Stopped. Served " + traffic.requests()
                + (traffic.requests() == 1 ? " request" : " requests") + " (" + traffic.errors()
                + (traffic.errors() == 1 ? " error" : " errors") + ").");
        root.context().out().flush();
        stopped.countDown();
    }
}
