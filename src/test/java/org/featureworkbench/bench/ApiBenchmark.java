package org.featureworkbench.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.Record;
import org.featureworkbench.workspace.Workspace;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.SageMakerFeatureStoreRuntimeClient;
import software.amazon.awssdk.services.sagemakerfeaturestoreruntime.model.FeatureValue;

/**
 * {@code bench api} (issue 13): GetRecord and PutRecord through the real AWS SDK for Java v2 over
 * loopback against the local endpoint, 20-feature records, 1 and 8 client threads, in the same run
 * as the in-process {@code store.records()} calls and a minimal raw-HTTP client (which splits an
 * SDK call into server-plus-loopback and SDK time). The SDK is a test dependency, so this lives in
 * the test tree; run it with the command in docs/benchmarks.md ("bench api").
 *
 * <p>Options: {@code --records N} (2000), {@code --seconds S} per measured phase (4),
 * {@code --clients url,apache,apache-unsigned} (these three by default; add {@code crt} for the
 * SDK's CRT-based client, {@code apache-noreaper} and {@code apache-tuned} for the other tuned
 * variants of {@link ApiBenchClients}; the plain {@code apache} row stays the headline),
 * {@code --signed} (start the server with credentials, so every request's SigV4 signature is
 * verified; the unsigned variants are then left out), {@code --gets-only} (no PutRecord phases).
 */
public final class ApiBenchmark {
    private static final int MANY = 8;
    private static final String KEY_ID = "AKIABENCHAPI0000000";
    private static final String SECRET = "bench-api-secret-0000000000000000000000";

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = 2000;
        double seconds = 4;
        List<String> clients = List.of("url", "apache", "apache-unsigned");
        boolean signed = false;
        boolean getsOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--clients" -> clients = List.of(args[++i].split(","));
                case "--signed" -> signed = true;
                case "--gets-only" -> getsOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --records N --seconds S --clients url,apache,crt --signed --gets-only");
            }
        }
        // HttpURLConnection keeps at most 5 idle connections per host unless told otherwise; 8 threads need 8.
        System.setProperty("http.maxConnections", "16");
        if (signed) {
            // a server with credentials refuses unsigned requests
            clients = clients.stream().filter(name -> !ApiBenchClients.unsigned(name)).toList();
        }
        new ApiBenchmark().run(records, Duration.ofMillis((long) (seconds * 1000)), clients, signed, getsOnly);
    }

    private void run(int count, Duration measure, List<String> clientNames, boolean signed,
                     boolean getsOnly) throws Exception {
        Duration warmUp = measure.dividedBy(2);
        Path dir = Files.createTempDirectory("fwb-bench-api");
        ApiBenchReport report = new ApiBenchReport();
        report.note("load average at start: " + ApiBenchReport.loadAverage());
        try (FeatureStore store = Workspace.open(dir)) {
            store.createFeatureGroup(BenchRecords.definition());
            List<Record> data = BenchRecords.generate(count, Instant.parse("2026-01-01T00:00:00Z"), 13);
            long begin = System.nanoTime();
            for (Record r : data) {
                store.records().putRecord(BenchRecords.GROUP, r, Set.of(), null);
            }
            report.note(String.format("%,d records of 20 features put in %.1f s", count,
                    (System.nanoTime() - begin) / 1e9));
            Optional<ApiCredentials> credentials = signed ? Optional.of(new ApiCredentials(KEY_ID, SECRET))
                    : Optional.empty();
            RunningApiServer server = store.api().start(new ApiServerOptions("127.0.0.1", 0, credentials));
            report.note("endpoint " + server.endpoint() + (signed ? ", every request's SigV4 verified" : ", unsigned"
                    + " requests accepted (the SDK signs unless given AnonymousCredentialsProvider)"));
            try {
                report.add(ApiBenchSigV4.run(warmUp, measure.dividedBy(2), KEY_ID, SECRET));
                gets(store, server.endpoint(), data, clientNames, warmUp, measure, report, signed);
                if (!getsOnly) {
                    puts(store, server.endpoint(), data, clientNames, warmUp, measure, report);
                }
            } finally {
                report.note(String.format("the server counted %,d requests, %,d errors", server.traffic().requests(),
                        server.traffic().errors()));
                store.api().stop();
            }
        } finally {
            report.note("load average at end: " + ApiBenchReport.loadAverage());
            report.print(System.out);
            deleteRecursively(dir);
        }
    }

    private static void gets(FeatureStore store, URI endpoint, List<Record> data, List<String> clientNames,
            Duration warmUp, Duration measure, ApiBenchReport report, boolean signed) throws Exception {
        String[] ids = data.stream().map(r -> r.value(BenchRecords.ID)).toArray(String[]::new);
        for (int threads : new int[] {1, MANY}) {
            report.add(ApiBenchLoad.run("GetRecord in-process store.records().getRecord", threads, warmUp, measure,
                    (t, n) -> require(store.records().getRecord(BenchRecords.GROUP, pick(ids, t, n), null)
                            .isPresent())));
        }
        // The raw client does not sign, so a server that checks signatures would refuse it.
        for (int threads : signed ? new int[0] : new int[] {1, MANY}) {
            RawHttpGet[] raw = new RawHttpGet[threads];
            for (int t = 0; t < threads; t++) {
                raw[t] = new RawHttpGet(endpoint.getHost(), endpoint.getPort());
            }
            ApiBenchLoad.Call get = (t, n) -> require(raw[t].get("/FeatureGroup/" + BenchRecords.GROUP
                    + "?RecordIdentifierValueAsString=" + pick(ids, t, n)) > 100);
            if (threads == 1) {
                // The first HTTP phase also warms the server's code (Jetty, handlers, JSON) up: until it is compiled.
                int rounds = ApiBenchLoad.warmUntilCompiled(1, warmUp.multipliedBy(2), 15, get);
                report.note("server: warmed up for " + rounds + " round(s)" + (rounds > 15 ? ", the JIT still compiling"
                        : ", the JIT then quiet"));
            }
            report.add(ApiBenchLoad.run("GetRecord raw HTTP/1.1 keep-alive socket", threads, warmUp, measure, get));
            for (RawHttpGet r : raw) {
                r.close();
            }
        }
        try (CannedResponder canned = cannedGetRecord(endpoint, ids[0], signed)) {
            for (String name : clientNames) {
                sdkGets(name, endpoint, canned.endpoint(), ids, warmUp, measure, report);
            }
        }
    }

    /**
     * One SDK client's GetRecord rows against the endpoint, then the same client's rows against the
     * canned responder: what the client costs alone, hence the most its rows could reach here.
     */
    private static void sdkGets(String name, URI endpoint, URI cannedEndpoint, String[] ids, Duration warmUp,
            Duration measure, ApiBenchReport report) throws Exception {
        try (SageMakerFeatureStoreRuntimeClient client = ApiBenchClients.client(name, endpoint, KEY_ID, SECRET)) {
            // The SDK is a lot of code to compile: without this the first client measured pays for the JIT.
            int rounds = ApiBenchLoad.warmUntilCompiled(MANY, warmUp.multipliedBy(2), 15, (t, n) -> client
                    .getRecord(r -> r.featureGroupName(BenchRecords.GROUP)
                            .recordIdentifierValueAsString(pick(ids, t, n))));
            report.note(ApiBenchClients.label(name) + ": warmed up for " + (rounds > 15 ? "15 rounds, the JIT still"
                    + " compiling" : rounds + " round(s) of " + warmUp.multipliedBy(2).toMillis() + " ms, the JIT"
                    + " then quiet"));
            for (int threads : new int[] {1, MANY}) {
                report.add(ApiBenchLoad.run("GetRecord AWS SDK, " + ApiBenchClients.label(name), threads, warmUp,
                        measure, (t, n) -> require(client.getRecord(r -> r.featureGroupName(BenchRecords.GROUP)
                                .recordIdentifierValueAsString(pick(ids, t, n))).hasRecord())));
            }
        }
        try (SageMakerFeatureStoreRuntimeClient client = ApiBenchClients.client(name, cannedEndpoint, KEY_ID, SECRET)) {
            ApiBenchLoad.Result alone = null;
            for (int threads : new int[] {1, MANY}) {
                alone = ApiBenchLoad.run("GetRecord AWS SDK, " + ApiBenchClients.label(name)
                        + ", against a canned responder (the client alone)", threads, warmUp, measure,
                        (t, n) -> require(client.getRecord(r -> r.featureGroupName(BenchRecords.GROUP)
                                .recordIdentifierValueAsString(pick(ids, t, n))).hasRecord()));
                report.add(alone);
            }
            int cores = Runtime.getRuntime().availableProcessors();
            report.note(String.format("%s alone, %d threads: %.0f µs of its calling threads' CPU a call, so %d cores"
                    + " carry at most %,.0f of its calls a second even if the server cost nothing", ApiBenchClients
                    .label(name), MANY, alone.clientCpuMicrosPerCall(), cores, cores * 1e6 / alone.clientCpuMicrosPerCall()));
        }
    }

    /** A responder answering every request with the endpoint's own GetRecord response for {@code id}. */
    private static CannedResponder cannedGetRecord(URI endpoint, String id, boolean signed) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(endpoint.resolve("/FeatureGroup/" + BenchRecords.GROUP
                + "?RecordIdentifierValueAsString=" + id));
        if (signed) {
            // the one request the benchmark makes outside a client: signed by the SDK's signer
            ApiBenchSigV4.signedHeaders(request.build().uri(), KEY_ID, SECRET).forEach(request::header);
        }
        var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("capturing a GetRecord response for the canned responder: status "
                    + response.statusCode());
        }
        return new CannedResponder(response.headers().firstValue("Content-Type").orElse("application/json"),
                response.body());
    }

    private static void puts(FeatureStore store, URI endpoint, List<Record> data, List<String> clientNames,
            Duration warmUp, Duration measure, ApiBenchReport report) throws Exception {
        // Every put is a newer version of one of the records (online and offline), event times strictly increasing.
        AtomicLong clock = new AtomicLong(Instant.parse("2026-06-01T00:00:00Z").toEpochMilli());
        for (int threads : new int[] {1, MANY}) {
            report.add(ApiBenchLoad.run("PutRecord in-process store.records().putRecord", threads, warmUp, measure,
                    (t, n) -> store.records().putRecord(BenchRecords.GROUP, newer(data, t, n, clock), Set.of(), null)));
        }
        for (String name : clientNames) {
            try (SageMakerFeatureStoreRuntimeClient client = ApiBenchClients.client(name, endpoint, KEY_ID, SECRET)) {
                for (int threads : new int[] {1, MANY}) {
                    report.add(ApiBenchLoad.run("PutRecord AWS SDK, " + ApiBenchClients.label(name), threads, warmUp,
                            measure, (t, n) -> client.putRecord(r -> r.featureGroupName(BenchRecords.GROUP)
                                    .record(values(newer(data, t, n, clock))))));
                }
            }
        }
    }

    private static Record newer(List<Record> data, int thread, long n, AtomicLong clock) {
        Record base = data.get((int) ((n * MANY + thread) % data.size()));
        Record.Builder b = Record.builder();
        String eventTime = Instant.ofEpochMilli(clock.incrementAndGet()).toString();
        base.values().forEach((name, value) -> b.put(name, name.equals("event_time") ? eventTime : value));
        return b.build();
    }

    private static List<FeatureValue> values(Record record) {
        List<FeatureValue> values = new ArrayList<>(record.values().size());
        record.values().forEach((name, value) -> values.add(FeatureValue.builder().featureName(name)
                .valueAsString(value).build()));
        return values;
    }

    private static final ThreadLocal<SplittableRandom> RANDOM = ThreadLocal.withInitial(SplittableRandom::new);

    private static String pick(String[] ids, int thread, long n) {
        return ids[RANDOM.get().nextInt(ids.length)];
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void require(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("a call did not return the record it was asked for");
        }
    }
}
