package org.featureworkbench.writepath;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestRequest;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.workspace.Workspace;

/**
 * The child JVM of {@link KillAtRandomPointsIT}: {@code DIR RUN CSV [SCRATCH]}. With
 * {@code SCRATCH} it first warms up on a workspace of its own there and waits for {@code GO} on
 * stdin (the parent starts it while it checks the previous round). In one workspace, at once:
 * durable puts into {@code customers} (printing {@code ACK <putNo> <id> <eventMs> .} after each
 * PutRecord returned), an ingest of {@code CSV} into {@code customers}, flushes of both groups
 * every {@value KillAtRandomPointsIT#FLUSH_EVERY_MS} ms, a compaction of {@code customers} every 600 ms (refused while the ingest runs), and puts into {@code expiring}
 * (TTL {@value KillAtRandomPointsIT#TTL_SECONDS} s) whose event times make them expire about 2 s
 * later, so that the purge (which the parent starts 1.5 s after opening instead of ADR 0017's 5 s)
 * has work when the parent kills late.
 * Runs until SIGKILLed.
 */
public final class KillChild {
    private KillChild() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        Path csv = Path.of(args[2]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        if (args.length > 3) {
            // Started ahead of its round: load and warm up on a workspace of its own while the
            // parent checks the previous round, then wait for the parent's go.
            warmUp(Path.of(args[3]));
            out.println("WARM");
            out.flush();
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (!"GO".equals(go)) {
                return; // the parent gave up on this round
            }
        }
        FeatureStore store = Workspace.open(dir);
        RecordOperations records = store.records();
        out.println("READY");
        out.flush();
        daemon("kill-child-ingest", () -> {
            store.ingest().ingest(IngestRequest.of(WritePathGroups.CUSTOMERS, csv), null);
            ack(out, "INGESTED " + run + " .");
        });
        daemon("kill-child-expiring", () -> {
            Instant eventTime = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minusSeconds(KillAtRandomPointsIT.TTL_SECONDS - 2);
            for (int i = 0; i < KillAtRandomPointsIT.EXPIRING_PER_RUN; i++) {
                long putNo = KillAtRandomPointsIT.putNo(run, KillAtRandomPointsIT.EXPIRING_OFFSET + i);
                // Ids of this run only: a put whose event time is older than the delete marker the
                // purge wrote for the id's previous record (at its expiry) would be online while the
                // marker is the newest offline row, which TTL allows (see KillAtRandomPointsIT).
                String id = "e" + run + "_" + (i % KillAtRandomPointsIT.EXPIRING_IDS);
                records.putRecord(KillAtRandomPointsIT.EXPIRING, WritePathGroups.customer(id,
                        CrashChild.eventTime(eventTime.plusMillis(i).toEpochMilli()), putNo, 0, "x"), Set.of(), null);
                ack(out, "EACK " + putNo + " " + id + " .");
            }
        });
        daemon("kill-child-flusher", () -> {
            while (true) {
                records.flush(WritePathGroups.CUSTOMERS);
                records.flush(KillAtRandomPointsIT.EXPIRING);
                sleep(KillAtRandomPointsIT.FLUSH_EVERY_MS);
            }
        });
        daemon("kill-child-compactor", () -> {
            while (true) {
                sleep(600);
                try {
                    records.compact(WritePathGroups.CUSTOMERS);
                    ack(out, "COMPACTED .");
                } catch (FeatureStoreException e) {
                    if (!String.valueOf(e.getMessage()).contains("is still running")) {
                        throw e;
                    }
                    // compaction waits for the group's ingest to end (as the CLI says); try again later
                }
            }
        });
        Random random = new Random(run);
        for (long i = 0; ; i++) {
            long putNo = KillAtRandomPointsIT.putNo(run, i);
            String id = "r" + random.nextInt(CrashChild.IDS);
            long eventMs = CrashChild.eventMs(run, i, random.nextInt(10) == 0);
            records.putRecord(WritePathGroups.CUSTOMERS, WritePathGroups.customer(id, CrashChild.eventTime(eventMs),
                    putNo, CrashChild.score(putNo), CrashChild.city(putNo)), Set.of(), null);
            ack(out, "ACK " + putNo + " " + id + " " + eventMs + " .");
            if (i % 4 == 3) {
                sleep(2); // a few hundred puts a second: room for the other threads on 2 cores, and a quick check after
            }
        }
    }

    /** What a round's child does, on a throwaway workspace: open, create, put, flush, ingest, close. */
    private static void warmUp(Path scratch) {
        try (FeatureStore store = Workspace.open(scratch)) {
            store.createFeatureGroup(WritePathGroups.customers());
            store.records().putRecord(WritePathGroups.CUSTOMERS, WritePathGroups.customer("w", CrashChild.eventTime(
                    CrashChild.BASE_MS), 1, 0, "w"), Set.of(), null);
            store.records().flush(WritePathGroups.CUSTOMERS);
        }
    }

    private static void ack(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                e.printStackTrace();
                System.err.flush();
                Runtime.getRuntime().halt(7); // a failure in the child must be seen, not hidden by the kill
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
