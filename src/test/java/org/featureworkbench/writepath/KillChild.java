package org.featureworkbench.writepath;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
 * The child JVM of {@link KillAtRandomPointsIT}: {@code DIR RUN CSV}. In one workspace, at once:
 * durable puts into {@code customers} (printing {@code ACK <putNo> <id> <eventMs> .} after each
 * PutRecord returned), an ingest of {@code CSV} into {@code customers}, flushes of both groups
 * every 40 ms, a compaction of {@code customers} every 600 ms (refused while the ingest runs), and puts into {@code expiring}
 * (TTL {@value KillAtRandomPointsIT#TTL_SECONDS} s) whose event times make them expire about 2 s
 * later, so that the purge (which the parent starts 1.5 s after opening instead of ADR 0017's 5 s)
 * has work when the parent kills late.
 * Runs until SIGKILLed.
 */
public final class KillChild {
    private KillChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        Path csv = Path.of(args[2]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
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
                String id = "e" + (i % KillAtRandomPointsIT.EXPIRING_IDS);
                records.putRecord(KillAtRandomPointsIT.EXPIRING, WritePathGroups.customer(id,
                        CrashChild.eventTime(eventTime.plusMillis(i).toEpochMilli()), putNo, 0, "x"), Set.of(), null);
                ack(out, "EACK " + putNo + " " + id + " .");
            }
        });
        daemon("kill-child-flusher", () -> {
            while (true) {
                records.flush(WritePathGroups.CUSTOMERS);
                records.flush(KillAtRandomPointsIT.EXPIRING);
                sleep(40);
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
