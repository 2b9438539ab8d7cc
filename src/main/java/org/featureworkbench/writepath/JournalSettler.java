package org.featureworkbench.writepath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.featureworkbench.database.EngineFailures;
import org.featureworkbench.database.Retry;
import org.featureworkbench.database.TornCommits;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FlushResult;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.offline.AppendResult;
import org.featureworkbench.offline.GroupFolderPurgedException;
import org.featureworkbench.offline.OfflineRow;
import org.featureworkbench.offline.OfflineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles journal segments, exactly once (ADR 0010): for a segment of this process's journal
 * once it is sealed, and for every segment of a journal whose process died,
 * <ol>
 *   <li>publish its offline rows, per group one file per event-time hour named
 *       {@code …_<token>.parquet}, where the token is derived from (journal, segment, group) —
 *       a partition already holding a file with the token is skipped;</li>
 *   <li>make its online changes durable in H2 (replaying any the database lost, then
 *       {@code CHECKPOINT});</li>
 *   <li>delete the segment.</li>
 * </ol>
 * For this process's own segments step 1 is a flush and steps 2–3 may come later (the
 * background tick, close): a flush on demand publishes without waiting for H2 to write its file.
 * A crash anywhere leaves the segment for the next settler, which derives the same tokens and
 * publishes only the partitions still missing: no row is lost or written twice. Thread-safe
 * (settles are serialised).
 */
final class JournalSettler {
    private static final Logger LOG = LoggerFactory.getLogger(JournalSettler.class);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Path workspace;
    private final DataSource dataSource;
    private final RecordWriter writer;
    private final OfflineStore offlineStore;
    private final OnlineReplay replay;
    private final Function<String, Optional<FeatureGroup>> groups;
    private final Clock clock;
    /** Tests: runs before each commit of a dead journal's replay (an engine failing there). */
    static volatile Runnable beforeReplayCommit = () -> { };
    private final ReentrantLock settling = new ReentrantLock();
    private volatile Instant lastFlush;

    JournalSettler(Path workspace, DataSource dataSource, RecordWriter writer, OfflineStore offlineStore,
                   OnlineReplay replay, Function<String, Optional<FeatureGroup>> groups, Clock clock) {
        this.workspace = workspace;
        this.dataSource = dataSource;
        this.writer = writer;
        this.offlineStore = offlineStore;
        this.replay = replay;
        this.groups = groups;
        this.clock = clock;
    }

    Instant lastFlush() {
        return lastFlush;
    }

    /**
     * Publishes this journal's sealed segments once the current one is due (its offline rows
     * reached {@code maxRows} or the oldest is {@code maxAge} old; {@code maxRows == 0}: now),
     * settles every dead journal, and — when {@code deletePublished} — makes the online changes of
     * published segments durable and deletes them.
     *
     * @return rows and files published, per group name
     */
    Map<String, FlushResult> settle(long maxRows, Duration maxAge, boolean deletePublished) {
        settling.lock();
        try {
            Map<String, FlushResult> published = new HashMap<>();
            settleDeadJournals(published);
            for (Path segment : writer.sealIfDue(maxRows, maxAge.toMillis())) {
                publish(writer.journalId(), segment, read(segment), published);
                writer.published(segment);
            }
            if (deletePublished) {
                writer.settlePublished();
            }
            return published;
        } finally {
            settling.unlock();
        }
    }

    /**
     * Settles every journal of an ended process now (replays its online writes the database lost,
     * publishes its offline rows). A process opening the workspace calls it before it serves
     * anything, so no read sees, and no write is judged against, a state a dead journal would
     * still change (ADR 0016).
     */
    void settleEndedProcesses() {
        settling.lock();
        try {
            settleDeadJournals(new HashMap<>());
        } finally {
            settling.unlock();
        }
    }

    private void settleDeadJournals(Map<String, FlushResult> published) {
        List<RecordJournal.DeadJournal> dead;
        try {
            dead = RecordJournal.claimDead(workspace, writer.journalId());
        } catch (IOException e) {
            throw new FeatureStoreException("could not look for journals of ended processes: " + e.getMessage(), e);
        }
        for (int i = 0; i < dead.size(); i++) {
            RecordJournal.DeadJournal journal = dead.get(i);
            try {
                // Repeatable: the replay starts from the mark, publishing skips what it published.
                EngineFailures.retry("finishing journal " + journal.id(), () -> Retry.onLostConnection(() -> {
                    settleDead(journal, published);
                    return null;
                }));
                journal.delete();
            } catch (Exception | AssertionError e) {
                dead.subList(i, dead.size()).forEach(RecordJournal.DeadJournal::release);
                throw new FeatureStoreException("could not finish the journal " + journal.id()
                        + " left by an ended process (it stays for the next try): " + e.getMessage(), e);
            }
        }
    }

    /**
     * Replays, makes durable, publishes and deletes a dead journal, one segment in memory at a
     * time (a dead journal may hold many segments): every segment is read once to replay its
     * online changes, and once more to publish its offline rows after the CHECKPOINT.
     */
    private void settleDead(RecordJournal.DeadJournal journal, Map<String, FlushResult> published)
            throws IOException, SQLException {
        List<Path> segments = journal.segments();
        if (!segments.isEmpty()) {
            LOG.warn("Finishing journal {} left by an ended process ({} segments)", journal.id(), segments.size());
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // The mark may be torn (its owner, or the process serving the file, was killed): replay
            // from the owner's last disk barrier at the latest; with none recorded (UNKNOWN), all.
            long mark = JournalProgress.applied(c, journal.id());
            long durable = DurablePoint.read(journal.directory());
            long applied = mark == TornCommits.UNKNOWN_MARK ? durable : Math.min(mark, durable);
            for (Path segment : segments) {
                replay.replay(c, journal.id(), read(segment), applied, Long.MAX_VALUE);
                applied = Math.max(applied, JournalProgress.applied(c, journal.id()));
                // One transaction per segment, not one for the whole journal: the mark moves with
                // its entries, so a retry goes on from here, and no transaction rewrites the same
                // rows thousands of times (the shape H2 2.5.252 once failed to commit, ADR 0016).
                beforeReplayCommit.run();
                c.commit();
            }
            JournalProgress.checkpoint(c);
            for (Path segment : segments) {
                publish(journal.id(), segment, read(segment), published);
                java.nio.file.Files.deleteIfExists(segment);
            }
            JournalProgress.delete(c, journal.id());
            c.commit();
        }
    }

    private static List<JournalEntry> read(Path segment) {
        try {
            return JournalSegments.read(segment);
        } catch (IOException e) {
            throw new FeatureStoreException("could not read journal segment " + segment + ": " + e.getMessage(), e);
        }
    }

    /** Publishes the segment's offline rows, one append per group with the segment's token for it. */
    private void publish(String journalId, Path segment, List<JournalEntry> entries, Map<String, FlushResult> published) {
        Map<String, List<JournalEntry>> byGroup = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            if (e.offline()) {
                byGroup.computeIfAbsent(e.groupName() + '\u0000' + e.groupCreated(), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<JournalEntry> groupEntries : byGroup.values()) {
            JournalEntry first = groupEntries.get(0);
            Optional<FeatureGroup> group = first.group(groups).or(() -> deletedButKept(first));
            if (group.isEmpty() || !group.get().definition().offlineStore().enabled()) {
                LOG.warn("Dropped {} offline rows of deleted feature group {}-{}", groupEntries.size(),
                        first.groupName(), first.groupCreated());
                continue;
            }
            String token = token(journalId, JournalSegments.number(segment), first.groupName(), first.groupCreated());
            AppendResult result;
            try {
                result = offlineStore.appendOnce(group.get(), offlineRows(group.get(), groupEntries), token);
            } catch (GroupFolderPurgedException purged) {
                // Deleted with its offline files by another process after this one looked the group up.
                LOG.warn("Dropped {} offline rows of feature group {}-{}: {}", groupEntries.size(), first.groupName(),
                        first.groupCreated(), purged.getMessage());
                continue;
            }
            published.merge(first.groupName(), new FlushResult(result.rows(), result.files().size()), FlushResult::plus);
            lastFlush = clock.instant();
            LOG.info("Published {} rows of {} into {} files (journal {} segment {})", result.rows(),
                    first.groupName(), result.files().size(), journalId, segment.getFileName());
        }
    }

    /**
     * A group another process deleted after this one acknowledged rows for it, whose offline
     * files were kept (not purged): the rows belong to that kept history, so they are published
     * with the definition this process wrote them with (ADR 0017).
     */
    private Optional<FeatureGroup> deletedButKept(JournalEntry entry) {
        return writer.writtenGroup(entry.groupName(), entry.groupCreated())
                .filter(g -> java.nio.file.Files.isDirectory(offlineStore.groupDirectory(g)));
    }

    private static List<OfflineRow> offlineRows(FeatureGroup group, List<JournalEntry> entries) {
        FeatureGroupDefinition def = group.definition();
        List<OfflineRow> rows = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            if (e.kind() == JournalEntry.Kind.PUT) {
                rows.add(new OfflineRow(e.values(), e.eventTime(), e.invokedAt(), null, false));
            } else {
                Object id = RecordValidator.parseRecordIdentifier(def, e.recordId());
                rows.add(OfflineRow.deleteMarker(def, id, e.eventTime(), e.invokedAt()));
            }
        }
        return rows;
    }

    /**
     * 16 letters and digits (SageMaker's file-name suffix) that only this segment's rows of this
     * group get, derived rather than random so a settle repeated after a crash finds the files
     * it published before.
     */
    static String token(String journalId, int segment, String groupName, long groupCreated) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((journalId + '/' + segment + '/' + groupName
                    + '/' + groupCreated).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(16);
            for (int i = 0; i < 16; i++) {
                sb.append(ALPHANUMERIC.charAt((hash[i] & 0xff) % ALPHANUMERIC.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
