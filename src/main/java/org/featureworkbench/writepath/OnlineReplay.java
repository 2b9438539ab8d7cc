package org.featureworkbench.writepath;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.online.OnlineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-applies the online halves of journal entries whose H2 commit was lost (ADR 0010). Each is
 * applied with the store's own rules, which compare event times, so the result is what the
 * original write would have left: a put older than the stored row is ignored, a hard delete the
 * stored row no longer allows, or that a later write overtook, is skipped. Entries of a group
 * deleted since are skipped. Applying an entry whose write did reach the database changes
 * nothing, so a replay may start before the first lost write (ADR 0010, addendum of 2026-12-05).
 */
final class OnlineReplay {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineReplay.class);

    private final OnlineStore onlineStore;
    private final Function<String, Optional<FeatureGroup>> groups;

    OnlineReplay(OnlineStore onlineStore, Function<String, Optional<FeatureGroup>> groups) {
        this.onlineStore = onlineStore;
        this.groups = groups;
    }

    /**
     * Applies, in the caller's transaction, the online entries with {@code after < seq <= upTo} and
     * moves the journal's mark to the last of them.
     *
     * @return how many entries were applied
     */
    int replay(Connection c, String journalId, List<JournalEntry> entries, long after, long upTo) throws SQLException {
        int applied = 0;
        long mark = after;
        for (JournalEntry e : entries) {
            if (e.seq() <= after || e.seq() > upTo || !e.online()) {
                continue;
            }
            Optional<FeatureGroup> group = e.group(groups);
            if (group.isPresent() && group.get().definition().onlineStore().enabled()) {
                apply(c, group.get(), e);
                applied++;
            }
            mark = Math.max(mark, e.seq());
        }
        if (mark > after) {
            JournalProgress.set(c, journalId, mark);
        }
        if (applied > 0) {
            LOG.warn("Replayed {} online writes of journal {} (entries after {} up to {}): the database lost some of"
                    + " them, or could not say which", applied, journalId, after, mark);
        }
        return applied;
    }

    private void apply(Connection c, FeatureGroup group, JournalEntry e) {
        switch (e.kind()) {
            case PUT -> {
                Object id = e.values().get(group.definition().recordIdentifierFeatureName());
                onlineStore.put(c, group, new TypedRecord(id, e.eventTime(), e.values()), e.expiresAt(), e.invokedAt());
            }
            case SOFT_DELETE -> onlineStore.softDelete(c, group, e.recordId(), e.eventTime(), e.invokedAt());
            // Skipped when a newer version reached the row, or a write invoked after the delete did
            // (a replay may re-apply writes that were on disk, and must not undo a later put).
            case HARD_DELETE -> onlineStore.replayHardDelete(c, group, e.recordId(), e.eventTime(), e.invokedAt());
            case PURGE -> onlineStore.purgeExpired(c, group, e.recordId(), e.invokedAt());
            case VOID -> {
            }
        }
    }
}
