package org.featureworkbench.writepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.offline.AppendResult;
import org.featureworkbench.offline.OfflineRow;
import org.featureworkbench.offline.ParquetOfflineStore;
import org.featureworkbench.online.H2OnlineStore;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a partition's {@code .tokens} grew with every compaction for good. Compaction now
 * drops an absorbed token once no journal segment of the workspace can be replayed with it
 * (ADR 0019 addendum 4): tokens of settled (deleted) segments go; a token whose segment is still
 * there (published, not yet deleted: the process may die and be replayed) stays, and a replay of
 * that segment after the pruning compaction still publishes nothing twice.
 */
class TokensPruningTest {
    private static final Set<TargetStore> BOTH = Set.of(TargetStore.ONLINE_STORE, TargetStore.OFFLINE_STORE);
    private static final Instant HOUR = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    private JdbcConnectionPool pool;
    private WritePath writePath;
    private H2OnlineStore online;
    private ParquetOfflineStore offline;
    private FeatureGroup group;
    private int puts;

    @AfterEach
    void close() {
        if (writePath != null) {
            writePath.close();
        }
        if (online != null) {
            online.close();
        }
        if (pool != null) {
            pool.dispose();
        }
    }

    @Test
    void tokensOfSettledSegmentsArePrunedThoseOfUnsettledOnesKeptAndReplayStaysExactlyOnce() throws Exception {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("online").resolve("workbench"), "fwb", "");
        online = new H2OnlineStore(pool, Clock.systemUTC());
        offline = new ParquetOfflineStore(dir.resolve("offline-store"));
        group = new FeatureGroup(WritePathGroups.customers(), Instant.parse("2026-11-01T00:00:00Z"), null, null);
        online.createTable(group);
        writePath = new WritePath(dir, pool, online, offline, name -> Optional.of(group), () -> List.of(group),
                Clock.systemUTC());

        // Two published segments, not deleted (a flush publishes; the deleting settle comes later).
        putAndFlush();
        putAndFlush();
        List<Path> unsettled = segments();
        assertEquals(2, unsettled.size(), "each flush published one segment and kept it");
        compactPruning();
        Set<String> first = tokens();
        putAndFlush();
        compactPruning();
        Set<String> second = tokens();
        for (Path segment : unsettled) {
            assertTrue(second.contains(tokenOf(segment)), "the token of a segment still in the journal stays: "
                    + segment.getFileName() + " in " + second);
        }
        assertTrue(second.containsAll(first), "nothing settled yet, so nothing pruned");

        // The segment's process dies now and is replayed: its rows must not be published twice.
        long rows = offline.stats(group).rows();
        Path segment = unsettled.get(0);
        AppendResult replay = offline.appendOnce(group, rowsOf(segment), tokenOf(segment));
        assertEquals(0, replay.rows(), "a replay after the pruning compaction finds its token");
        assertEquals(rows, offline.stats(group).rows());

        // A workspace-wide compaction settles (publishes and deletes) every segment first: the
        // tokens absorbed before can never be replayed any more and go.
        putAndFlush();
        writePath.workspaceWide(group, "compact customers", waiting -> { }, () -> {
            offline.compact(group, writePath.tokensStillNeeded(group));
            return null;
        });
        assertTrue(segments().isEmpty(), "every segment was settled");
        Set<String> third = tokens();
        for (String token : second) {
            assertFalse(third.contains(token), "a token of a settled segment is pruned: " + token + " in " + third);
        }
        assertFalse(third.isEmpty(), "the tokens this compaction absorbed are kept");
        assertTrue(third.size() <= 2, "only this compaction's tokens (merged file + new file) remain: " + third);
        assertEquals(puts, offline.stats(group).rows(), "every put offline exactly once");
    }

    private void putAndFlush() {
        puts++;
        writePath.put(group, WritePathGroups.customer("c" + puts, HOUR.plusSeconds(puts).toString(), puts, 0, "x"),
                BOTH, null);
        writePath.flush(group);
    }

    private void compactPruning() {
        offline.compact(group, writePath.tokensStillNeeded(group));
    }

    private List<Path> segments() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> journals = Files.list(dir.resolve(RecordJournal.FOLDER))) {
            for (Path journal : journals.filter(Files::isDirectory).toList()) {
                all.addAll(JournalSegments.list(journal));
            }
        }
        // The current (still open) segment has nothing published; only the sealed ones matter here.
        return all.stream().filter(s -> {
            try {
                return !JournalSegments.read(s).isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    private String tokenOf(Path segment) {
        return JournalSettler.token(segment.getParent().getFileName().toString(), JournalSegments.number(segment),
                group.name(), group.creationTime().getEpochSecond());
    }

    /** The segment's offline rows, as its replay publishes them. */
    private static List<OfflineRow> rowsOf(Path segment) throws IOException {
        List<OfflineRow> rows = new ArrayList<>();
        for (JournalEntry e : JournalSegments.read(segment)) {
            rows.add(new OfflineRow(e.values(), e.eventTime(), e.invokedAt(), null, false));
        }
        return rows;
    }

    /** The .tokens of the one partition every put went to. */
    private Set<String> tokens() throws IOException {
        try (Stream<Path> files = Files.walk(offline.groupDirectory(group))) {
            Path file = files.filter(p -> p.getFileName().toString().equals(".tokens")).findFirst().orElseThrow();
            return new java.util.LinkedHashSet<>(Files.readAllLines(file));
        }
    }
}
