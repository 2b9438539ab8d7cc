package org.featureworkbench.writepath;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.workspace.Workspace;

/**
 * The child JVM of {@link CrashRecoveryIT}: {@code DIR RUN FLUSH_EVERY_MS}. Opens the workspace,
 * prints {@code READY}, then puts records until it is killed, printing
 * {@code ACK <putNo> <id> <eventMs> .} after each PutRecord returned. A second thread flushes
 * every {@code FLUSH_EVERY_MS}, so kills also land inside flushes.
 */
public final class CrashChild {
    /** Record ids drawn from this many, so ids are rewritten often. */
    static final int IDS = 7;
    /** Event times of one run start here plus {@code RUN × RUN_SPACING_MS}: later runs are newer. */
    static final long BASE_MS = 1_700_000_000_000L;
    static final long RUN_SPACING_MS = 86_400_000L;
    static final long PUTS_PER_RUN = 1_000_000L;

    private CrashChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        long flushEveryMs = Long.parseLong(args[2]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        FeatureStore store = Workspace.open(dir);
        RecordOperations records = store.records();
        Thread flusher = new Thread(() -> {
            while (true) {
                records.flush(WritePathGroups.CUSTOMERS);
                sleep(flushEveryMs);
            }
        }, "crash-child-flusher");
        flusher.setDaemon(true);
        flusher.start();
        out.println("READY");
        out.flush();
        Random random = new Random(run);
        for (long i = 0; ; i++) {
            long putNo = run * PUTS_PER_RUN + i;
            String id = "r" + random.nextInt(IDS);
            long eventMs = eventMs(run, i, random.nextInt(10) == 0);
            records.putRecord(WritePathGroups.CUSTOMERS, WritePathGroups.customer(id, eventTime(eventMs), putNo,
                    score(putNo), city(putNo)), java.util.Set.of(), null);
            out.println("ACK " + putNo + " " + id + " " + eventMs + " .");
            out.flush();
        }
    }

    /** One second per put; one in ten goes 30 s back (history), offset by 1 ms so event times stay unique. */
    static long eventMs(int run, long i, boolean older) {
        long ms = BASE_MS + run * RUN_SPACING_MS + i * 1000;
        return older ? ms - 29_999 : ms;
    }

    static String eventTime(long eventMs) {
        return EventTimes.format(Instant.ofEpochMilli(eventMs), FeatureType.STRING);
    }

    static double score(long putNo) {
        return putNo / 4.0;
    }

    static String city(long putNo) {
        return "city-" + putNo;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
