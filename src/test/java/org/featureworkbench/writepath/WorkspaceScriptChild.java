package org.featureworkbench.writepath;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.workspace.Workspace;

/**
 * A child JVM of {@link WorkspaceWideOperationsIT}: {@code DIR STEP…}, each step one argument, run
 * in order on the customers group; prints {@code OK <step>} after each. Steps:
 * {@code put:FROM:COUNT} (ids {@code cFROM…}, one event per minute from 2024-05-01T00:00Z, so they
 * spread over hours), {@code flush}, {@code compact}, {@code halt} (dies without closing, as a
 * kill does), {@code sleep:MS}, {@code put-until-fails:FROM} (prints {@code ACKED <n>} when a put
 * fails, e.g. because the group was deleted), {@code timed-online-put-get-delete:N} (a put, a get and a
 * soft delete of record N, online only, then {@code TIMED <ms>}). The store is closed at the end ({@code CLOSED <ms>}).
 */
public final class WorkspaceScriptChild {
    private WorkspaceScriptChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        FeatureStore store = Workspace.open(Path.of(args[0]));
        RecordOperations records = store.records();
        out.println("OPEN");
        for (int i = 1; i < args.length; i++) {
            String[] step = args[i].split(":");
            switch (step[0]) {
                case "put" -> put(records, Integer.parseInt(step[1]), Integer.parseInt(step[2]));
                case "flush" -> records.flush(WritePathGroups.CUSTOMERS);
                case "compact" -> records.compact(WritePathGroups.CUSTOMERS, m -> out.println("WAIT " + m));
                case "halt" -> Runtime.getRuntime().halt(0);
                case "sleep" -> Thread.sleep(Long.parseLong(step[1]));
                case "timed-online-put-get-delete" -> {
                    // Online only: nothing for the offline store, so closing has nothing of its own to publish.
                    Set<TargetStore> online = Set.of(TargetStore.ONLINE_STORE);
                    String id = "c" + step[1];
                    long started = System.nanoTime();
                    records.putRecord(WritePathGroups.CUSTOMERS, WritePathGroups.customer(id, eventTime(0), 1, 1, "x"),
                            online, null);
                    records.getRecord(WritePathGroups.CUSTOMERS, id, null);
                    records.deleteRecord(WritePathGroups.CUSTOMERS, id, "2030-01-01T00:00:00Z",
                            DeletionMode.SOFT_DELETE, online);
                    out.println("TIMED " + (System.nanoTime() - started) / 1_000_000);
                }
                case "put-until-fails" -> {
                    int from = Integer.parseInt(step[1]);
                    int n = 0;
                    try {
                        while (true) {
                            put(records, from + n, 1);
                            n++;
                            if (n % 500 == 0) {
                                out.println("PROGRESS " + n);
                            }
                        }
                    } catch (RuntimeException refused) {
                        out.println("ACKED " + n + " " + refused.getMessage());
                    }
                }
                default -> throw new IllegalArgumentException("unknown step " + args[i]);
            }
            out.println("OK " + args[i]);
        }
        long closing = System.nanoTime();
        store.close();
        out.println("CLOSED " + (System.nanoTime() - closing) / 1_000_000);
    }

    static void put(RecordOperations records, int from, int count) {
        for (int i = from; i < from + count; i++) {
            records.putRecord(WritePathGroups.CUSTOMERS, WritePathGroups.customer("c" + i, eventTime(i), i, i / 4.0,
                    "city" + i), Set.of(), null);
        }
    }

    /** One minute per record number from 2024-05-01T00:00Z: 60 records an hour partition. */
    static String eventTime(int i) {
        return java.time.Instant.parse("2024-05-01T00:00:00Z").plusSeconds(60L * i).toString();
    }
}
