package org.featureworkbench.api.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.api.RunningApiServer;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.Record;
import org.featureworkbench.workspace.Workspace;

/**
 * A throwaway load driver for ADR 0021, not a test: GetRecord of 20-feature records over
 * keep-alive sockets at 1 and 8 client threads, p50/p99 and requests per second. The SDK-level
 * numbers belong to {@code bench api}; this one measures the server without a client library's cost.
 * Run: {@code java -cp <test-classes>:<classes>:<deps> org.featureworkbench.api.server.GetRecordLoad [seconds]}.
 */
public final class GetRecordLoad {
    private static final int RECORDS = 1000;

    private GetRecordLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path workspace = Files.createTempDirectory("fwb-load");
        try (FeatureStore store = Workspace.open(workspace)) {
            List<FeatureDefinition> features = new ArrayList<>();
            features.add(new FeatureDefinition("id", FeatureType.STRING));
            features.add(new FeatureDefinition("t", FeatureType.STRING));
            for (int i = 0; i < 18; i++) {
                features.add(new FeatureDefinition("f" + i, i % 2 == 0 ? FeatureType.FRACTIONAL : FeatureType.INTEGRAL));
            }
            store.createFeatureGroup(new FeatureGroupDefinition("load", "id", "t", features, "", java.util.Map.of(),
                    new OnlineStoreConfig(true, null), OfflineStoreConfig.ENABLED));
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            for (int r = 0; r < RECORDS; r++) {
                Record.Builder record = Record.builder().put("id", "r" + r).put("t", now);
                for (int i = 0; i < 18; i++) {
                    record.put("f" + i, i % 2 == 0 ? String.valueOf(r * 0.5 + i) : String.valueOf(r + i));
                }
                store.records().putRecord("load", record.build(), null, null);
            }
            for (int round = 0; round < 2; round++) {
                long[] direct = new long[20_000];
                for (int i = 0; i < direct.length; i++) {
                    long start = System.nanoTime();
                    store.records().getRecord("load", "r" + (i % RECORDS), null);
                    direct[i] = System.nanoTime() - start;
                }
                Arrays.sort(direct);
                System.out.printf("in-process getRecord p50=%.3fms p99=%.3fms%n", direct[direct.length / 2] / 1e6,
                        direct[(int) (direct.length * 0.99)] / 1e6);
            }
            RunningApiServer server = store.api().start(new ApiServerOptions("127.0.0.1", 0, Optional.empty()));
            for (int threads : new int[] {1, 8}) {
                run(server.endpoint(), threads, 2, false);
                run(server.endpoint(), threads, seconds, true);
            }
            System.out.println("traffic " + server.traffic());
        }
    }

    private static void run(URI endpoint, int threads, int seconds, boolean print) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] latencies = new long[threads][];
        Thread[] clients = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int client = t;
            clients[t] = new Thread(() -> latencies[client] = client(endpoint, client, end));
            clients[t].start();
        }
        for (Thread c : clients) {
            c.join();
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        if (print) {
            System.out.printf("GetRecord threads=%d req/s=%.0f p50=%.3fms p99=%.3fms%n", threads,
                    all.length / (double) seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
        }
    }

    private static long[] client(URI endpoint, int client, long end) {
        long[] times = new long[1_000_000];
        int n = 0;
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (System.nanoTime() < end && n < times.length) {
                String id = "r" + ((n * 7 + client) % RECORDS);
                byte[] request = ("GET /FeatureGroup/load?RecordIdentifierValueAsString=" + id
                        + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                long start = System.nanoTime();
                out.write(request);
                out.flush();
                RawHttp.Response response = RawHttp.read(in);
                times[n++] = System.nanoTime() - start;
                if (response.status() != 200) {
                    throw new IllegalStateException(response.body());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Arrays.copyOf(times, n);
    }
}
