package org.featureworkbench.ui.connect;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.ApiTraffic;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The local API server as the Connect page and the status bar's toggle see it: the settings
 * (host, port, optional access key) checked as they are typed, Start and Stop run in the
 * background through the {@link TaskExecutor}, the state and address, the traffic line (read by
 * {@link #pollTraffic()} about once a second while running), and the boto3 / AWS CLI / Java
 * snippets filled with the endpoint and the workspace's groups. One instance per window, shared
 * by the page and the status bar. All properties change on the UI thread.
 */
public final class ConnectViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;

    private final StringProperty host = new SimpleStringProperty(this, "host", ApiServerOptions.DEFAULT_HOST);
    private final StringProperty port = new SimpleStringProperty(this, "port", String.valueOf(ApiServerOptions.DEFAULT_PORT));
    private final StringProperty accessKey = new SimpleStringProperty(this, "accessKey", "");
    private final StringProperty secretKey = new SimpleStringProperty(this, "secretKey", "");
    private final StringBinding hostError;
    private final StringBinding portError;
    private final StringBinding credentialsError;

    private final ReadOnlyObjectWrapper<ServerState> state = new ReadOnlyObjectWrapper<>(this, "state", ServerState.STOPPED);
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper traffic = new ReadOnlyStringWrapper(this, "traffic", "");
    private final ReadOnlyStringWrapper notices = new ReadOnlyStringWrapper(this, "notices", "");
    /** What the server said about requests (server threads add, the traffic poll takes them to the page). */
    private final Queue<String> heard = new ConcurrentLinkedQueue<>();
    private final Deque<String> shown = new ArrayDeque<>();
    private final StringBinding statusText;
    private final StringBinding statusBarText;
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;

    private final ReadOnlyStringWrapper boto3 = new ReadOnlyStringWrapper(this, "boto3", "");
    private final ReadOnlyStringWrapper awsCli = new ReadOnlyStringWrapper(this, "awsCli", "");
    private final ReadOnlyStringWrapper javaSdk = new ReadOnlyStringWrapper(this, "javaSdk", "");
    private List<String> groupNames = List.of();
    private String exampleGroup;
    private String exampleId;

    private RunningApiServer server;
    private static final int SHOWN_NOTICES = 5;

    public ConnectViewModel(FeatureStore store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        hostError = Bindings.createStringBinding(() -> ServerSettings.hostProblem(host.get()), host);
        portError = Bindings.createStringBinding(() -> ServerSettings.portProblem(port.get()), port);
        credentialsError = Bindings.createStringBinding(
                () -> ServerSettings.credentialsProblem(accessKey.get(), secretKey.get()), accessKey, secretKey);
        BooleanBinding valid = Bindings.createBooleanBinding(() -> hostError.get().isEmpty()
                && portError.get().isEmpty() && credentialsError.get().isEmpty(), hostError, portError, credentialsError);
        canStart = state.isEqualTo(ServerState.STOPPED).and(valid);
        canStop = state.isEqualTo(ServerState.RUNNING);
        statusText = Bindings.createStringBinding(() -> state.get() == ServerState.RUNNING
                ? "Running at " + address.get() : state.get().label(), state, address);
        statusBarText = Bindings.createStringBinding(() -> state.get() == ServerState.RUNNING
                ? "API " + address.get() + " · " + traffic.get() : "API " + state.get().label().toLowerCase(Locale.ROOT),
                state, address, traffic);
        host.addListener((o, was, now) -> fillSnippets());
        port.addListener((o, was, now) -> fillSnippets());
        accessKey.addListener((o, was, now) -> fillSnippets());
        secretKey.addListener((o, was, now) -> fillSnippets());
        // Lasts as long as the store: the view model lives as long as its window, which closes the store.
        store.api().onNotice(heard::add);
        // A server started before this window (another page, a reopened window) is shown as running.
        store.api().running().ifPresent(this::showRunning);
        fillSnippets();
    }

    /** Reloads the group names for the snippets, and a record identifier of the first group for get-record. */
    public void refresh() {
        executor.execute(() -> store.listFeatureGroups(GroupListQuery.ALL), groups -> {
            groupNames = groups.stream().map(FeatureGroup::name).toList();
            Optional<FeatureGroup> first = groups.stream().filter(g -> g.definition().onlineStore().enabled())
                    .findFirst().or(() -> groups.stream().findFirst());
            String before = exampleGroup;
            exampleGroup = first.map(FeatureGroup::name).orElse(null);
            // The id is looked up once per example group, not on every visit of the page.
            if (exampleGroup == null || !exampleGroup.equals(before)) {
                exampleId = null;
                first.ifPresent(this::loadExampleId);
            }
            fillSnippets();
        }, e -> { });
    }

    private void loadExampleId(FeatureGroup group) {
        // A normal task, not a quiet one: the query engine may take a second to open, and the quiet
        // thread is the polls' (traffic, jobs), which must not wait behind it.
        executor.execute(() -> ExampleRecord.idOf(store, group), id -> {
            if (group.name().equals(exampleGroup)) {
                exampleId = id.orElse(null);
                fillSnippets();
            }
        }, e -> { });
    }

    /** Starts the server with the settings shown; a failure is put into words in {@link #errorProperty()}. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        ApiServerOptions options = ServerSettings.options(host.get(), port.get(), accessKey.get(), secretKey.get());
        state.set(ServerState.STARTING);
        error.set("");
        executor.execute(() -> {
            Optional<String> reach = HostCheck.check(options);
            return new Started(store.api().start(options), reach.orElse(""));
        }, started -> {
            showRunning(started.server());
            warning.set(started.warning());
        }, e -> {
            state.set(ServerState.STOPPED);
            error.set(StartFailure.describe(e, options.host(), options.port()));
        });
    }

    /** Stops the server; requests in flight are answered first. */
    public void stop() {
        if (!canStop.get()) {
            return;
        }
        state.set(ServerState.STOPPING);
        executor.execute(() -> {
            store.api().stop();
            return null;
        }, done -> showStopped(), e -> {
            showStopped();
            error.set("The API server did not stop cleanly; it no longer takes requests. The log folder has the details.");
        });
    }

    /** The status bar's toggle: starts with the page's settings when stopped, stops when running. */
    public void toggle() {
        if (state.get() == ServerState.RUNNING) {
            stop();
        } else {
            start();
        }
    }

    /** Reads the running server's counters (off the UI thread) into the traffic line. */
    public void pollTraffic() {
        RunningApiServer polled = server;
        if (polled == null || state.get() != ServerState.RUNNING) {
            return;
        }
        executor.executeQuietly(() -> store.api().running().filter(r -> r == polled).map(RunningApiServer::traffic),
                now -> {
                    if (polled != server) {
                        return;
                    }
                    if (now.isEmpty()) {
                        // Stopped elsewhere (the store closed it): show it as stopped.
                        showStopped();
                    } else {
                        traffic.set(trafficText(now.get()));
                        showNotices();
                    }
                }, e -> { });
    }

    /** Moves what the server said since the last poll onto the page: the newest few, newest last. */
    private void showNotices() {
        boolean changed = false;
        for (String notice = heard.poll(); notice != null; notice = heard.poll()) {
            shown.addLast(notice);
            if (shown.size() > SHOWN_NOTICES) {
                shown.removeFirst();
            }
            changed = true;
        }
        if (changed) {
            notices.set(String.join("\n", shown));
        }
    }

    private void showRunning(RunningApiServer started) {
        server = started;
        address.set(started.endpoint().toString());
        traffic.set(trafficText(started.traffic()));
        state.set(ServerState.RUNNING);
        fillSnippets();
    }

    private void showStopped() {
        server = null;
        warning.set("");
        address.set("");
        traffic.set("");
        state.set(ServerState.STOPPED);
        fillSnippets();
    }

    /** A started server and the warning to show while it runs ("" on loopback). */
    private record Started(RunningApiServer server, String warning) {
    }

    /** "1,204 requests · 12.0/s · 3 errors": the status bar's traffic line. */
    static String trafficText(ApiTraffic t) {
        return String.format(Locale.ROOT, "%,d %s · %.1f/s · %,d %s", t.requests(), t.requests() == 1 ? "request" : "requests",
                t.requestsPerSecond(), t.errors(), t.errors() == 1 ? "error" : "errors");
    }

    private void fillSnippets() {
        // What the server checks is what it was started with; while stopped, what it would be started with.
        String endpoint = server != null ? server.endpoint().toString() : ServerSettings.endpoint(host.get(), port.get());
        Optional<ApiCredentials> credentials = server != null ? server.options().credentials()
                : ServerSettings.credentials(accessKey.get(), secretKey.get());
        ConnectSnippets snippets = ConnectSnippets.signedWith(credentials, endpoint, groupNames, exampleGroup, exampleId);
        boto3.set(snippets.boto3());
        awsCli.set(snippets.awsCli());
        javaSdk.set(snippets.javaSdk());
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty accessKeyProperty() {
        return accessKey;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    /** What is wrong with the host as typed, "" when nothing. */
    public StringBinding hostErrorProperty() {
        return hostError;
    }

    /** What is wrong with the port as typed, "" when nothing. */
    public StringBinding portErrorProperty() {
        return portError;
    }

    /** What is wrong with the access key and secret as typed, "" when nothing. */
    public StringBinding credentialsErrorProperty() {
        return credentialsError;
    }

    public ReadOnlyObjectProperty<ServerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The running server's endpoint, "" while it is not running. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** Why the last start failed, in our words; "" after a successful start. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What to keep in mind while the server is reachable from other computers; "" on loopback. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /**
     * What the server said about requests it answered without doing all they asked (cloud-only
     * CreateFeatureGroup settings it ignored), the newest {@value #SHOWN_NOTICES}, one a line; ""
     * when none. Kept across a restart of the server, as a console keeps its lines.
     */
    public ReadOnlyStringProperty noticesProperty() {
        return notices.getReadOnlyProperty();
    }

    /** Requests, rate and errors of the running server, "" while it is not running. */
    public ReadOnlyStringProperty trafficProperty() {
        return traffic.getReadOnlyProperty();
    }

    /** "Stopped", "Starting…", "Running at http://…". */
    public StringBinding statusTextProperty() {
        return statusText;
    }

    /** The status bar's line: address and traffic while running, the state otherwise. */
    public StringBinding statusBarTextProperty() {
        return statusBarText;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    public ReadOnlyStringProperty boto3Property() {
        return boto3.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty awsCliProperty() {
        return awsCli.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty javaSdkProperty() {
        return javaSdk.getReadOnlyProperty();
    }
}
