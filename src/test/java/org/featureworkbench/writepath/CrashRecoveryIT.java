package org.featureworkbench.writepath;

import static org.featureworkbench.writepath.WritePathGroups.CUSTOMERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable, under SIGKILL: a child JVM ({@link CrashChild}) puts and flushes
 * until it is killed at a random moment; this JVM then reopens the workspace, flushes, and checks
 * both stores against what the child acknowledged. One workspace lives through every kill.
 */
class CrashRecoveryIT {
    private static final int KILLS = 10;
    private static final Pattern ACK = Pattern.compile("ACK (\\d+) (r\\d+) (\\d+) \\.");
    private static final Pattern PUBLISHED = Pattern.compile("\\d{8}T\\d{6}Z_[A-Za-z0-9]{16}\\.parquet");

    @TempDir
    Path workspace;

    private record Ack(long putNo, String id, long eventMs) {
    }

    @Test
    // ~1 min normally. A stuck H2 row lock once made a recovery spin forever (UncleanEndCompactionTest):
    // a hang must fail this test, not stall the build.
    @Timeout(value = 6, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyAcknowledgedPutSurvivesAKillWithNoDuplicateAndNoPartialFile() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (FeatureStore store = Workspace.open(workspace)) {
            store.createFeatureGroup(WritePathGroups.customers());
        }
        Map<Long, Ack> acknowledged = new HashMap<>();
        for (int run = 0; run < KILLS; run++) {
            // Half the children flush every few ms, half rarely: kills land in small and large flushes.
            long flushEveryMs = run % 2 == 0 ? 5 : 400;
            long killAfterMs = 100 + random.nextInt(1401);
            List<Ack> acks = runAndKill(run, flushEveryMs, killAfterMs);
            acks.forEach(a -> acknowledged.put(a.putNo(), a));
            String where = "seed " + seed + ", run " + run + ", killed after " + killAfterMs + " ms, " + acks.size()
                    + " acknowledged";
            assertOnlyCompleteFilesAreVisible(where);
            try (FeatureStore store = Workspace.open(workspace)) {
                store.records().flush(CUSTOMERS);
                verify(store, acknowledged, where);
            }
        }
        assertTrue(acknowledged.size() > KILLS, "the children acknowledged too few puts to test anything");
        long replays = countInLog("online writes of journal");
        System.out.printf("CrashRecoveryIT: %d kills, %d acknowledged puts, %d journals of killed processes finished,"
                + " %d replays of online writes H2 had lost%n", KILLS, acknowledged.size(),
                countInLog("Finishing journal"), replays);
        // H2 keeps commits in memory for its write delay, so some kill must have cost it commits
        // that only the journal replay brought back: else this test did not test the replay.
        assertTrue(replays > 0, "no kill made the database lose a commit; the replay went untested");
    }

    private List<Ack> runAndKill(int run, long flushEveryMs, long killAfterMs) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                workspace.toString(), Integer.toString(run), Long.toString(flushEveryMs))
                .redirectError(workspace.resolve("child-" + run + ".err").toFile()).start();
        List<Ack> acks = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertEquals("READY", ready, "child failed to start: "
                + Files.readString(workspace.resolve("child-" + run + ".err")));
        // Drain continuously (a full pipe would stall the child), up to the end of what it printed.
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = ACK.matcher(line);
                    if (m.matches()) { // a torn last line is no acknowledgement
                        acks.add(new Ack(Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3))));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        Thread.sleep(killAfterMs);
        // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe.
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        reader.join(30_000);
        out.close();
        return acks;
    }

    /** Before any recovery: every file the read glob matches is a published, complete Parquet file. */
    private void assertOnlyCompleteFilesAreVisible(String where) throws IOException {
        try (var walk = Files.walk(workspace.resolve("offline-store"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".parquet")) {
                    assertTrue(PUBLISHED.matcher(name).matches(), where + ": unexpected visible file " + file);
                    assertTrue(ParquetMagic.complete(file), where + ": partial published file " + file);
                } else if (!name.equals(".changes") && !name.equals(".tokens") && !name.endsWith(".feature-group.json")) {
                    // Besides hidden temporaries, only a group's change marker (ADR 0013), a partition's
                    // absorbed tokens (ADR 0017) and a group's definition file (ADR 0019) live here.
                    assertTrue(name.startsWith(".") && name.endsWith(".tmp"), where + ": stray file " + file);
                }
            }
        }
    }

    private void verify(FeatureStore store, Map<Long, Ack> acknowledged, String where) {
        OfflineRows offline = new OfflineRows(store);
        List<Map<String, Object>> duplicates = offline.query(CUSTOMERS, "SELECT customer_id, event_time,"
                + " api_invocation_time, count(*) AS n FROM offline_rows GROUP BY ALL HAVING count(*) > 1");
        assertEquals(List.of(), duplicates, where + ": a batch was published twice");
        Map<Long, Map<String, Object>> byPutNo = new HashMap<>();
        Map<String, Map<String, Object>> latestById = new HashMap<>();
        for (Map<String, Object> row : offline.all(CUSTOMERS, "event_time")) {
            Long putNo = (Long) row.get("age");
            assertEquals(null, byPutNo.put(putNo, row), where + ": put " + putNo + " twice offline");
            // The newest by the instant, not by the String: "…:37.001Z" sorts before "…:37Z" as text.
            // Equal instants come in api_invocation_time order, so the later put wins, as online.
            latestById.merge((String) row.get("customer_id"), row, (held, next) ->
                    eventInstant(next).isBefore(eventInstant(held)) ? held : next);
        }
        Map<String, Ack> newestAckById = new HashMap<>();
        for (Ack a : acknowledged.values()) {
            Map<String, Object> row = byPutNo.get(a.putNo());
            assertNotNull(row, where + ": acknowledged put " + a + " is missing offline");
            assertEquals(a.id(), row.get("customer_id"), where);
            assertEquals(CrashChild.eventTime(a.eventMs()), row.get("event_time"), where);
            assertEquals(CrashChild.score(a.putNo()), row.get("score"), where);
            assertEquals(CrashChild.city(a.putNo()), row.get("city"), where);
            assertEquals(false, row.get("is_deleted"), where);
            newestAckById.merge(a.id(), a, (x, y) -> x.eventMs() >= y.eventMs() ? x : y);
        }
        for (Ack newest : newestAckById.values()) {
            OnlineRecord online = store.records().getRecord(CUSTOMERS, newest.id(), null).orElse(null);
            assertNotNull(online, where + ": record " + newest.id() + " is missing online");
            assertTrue(!online.eventTime().isBefore(Instant.ofEpochMilli(newest.eventMs())),
                    where + ": online " + online + " is older than acknowledged " + newest);
            Map<String, Object> latest = latestById.get(newest.id());
            assertEquals(latest.get("age"), online.value("age"), where + ": online differs from the offline latest");
            assertEquals(latest.get("event_time"), online.value("event_time"), where);
            assertEquals(latest.get("city"), online.value("city"), where);
        }
    }

    private static Instant eventInstant(Map<String, Object> row) {
        return Instant.parse((String) row.get("event_time"));
    }

    private long countInLog(String text) throws IOException {
        try (var files = Files.list(workspace.resolve("logs"))) {
            long n = 0;
            for (Path log : files.toList()) {
                n += Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).count();
            }
            return n;
        }
    }
}
