package org.featureworkbench.writepath;

import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.featureworkbench.database.HandOvers;
import org.featureworkbench.database.TornCommits;

/**
 * Where a journal's replay of lost commits starts (ADR 0010, addendum of 2026-12-05): at the
 * journal's mark in H2 — unless the mark may be torn, because the database changed hands since the
 * journal's last disk barrier or the process that took a killed process's file over set it to
 * UNKNOWN; then at that barrier, up to which every online change was in the file whole. Keeps the
 * barrier's sequence number (also in the journal's folder, {@link DurablePoint}) and the hand-over
 * count seen then. Not thread-safe: used under the writer's lock.
 */
final class ReplayStart {
    private final LongSupplier handOvers;
    private final RecordJournal journal;
    /** The committed sequence number at the last disk barrier. */
    private long durableSeq;
    /** {@link #handOvers} when the journal last replayed or made its writes durable. */
    private long handOversSeen;

    ReplayStart(DataSource dataSource, RecordJournal journal) {
        this.handOvers = dataSource instanceof HandOvers h ? h::handOvers : () -> 0;
        this.journal = journal;
        this.handOversSeen = handOvers.getAsLong();
    }

    /** How often the database has changed hands so far; read it before the mark. */
    long handOversNow() {
        return handOvers.getAsLong();
    }

    /** Whether the database changed hands since the last replay or barrier. */
    boolean changedHands() {
        return handOversNow() != handOversSeen;
    }

    /**
     * The sequence number after which to replay, given the mark read from H2 and the hand-over
     * count read before it. The store's ordering rules make re-applying a write that did arrive
     * harmless, so starting early costs only time.
     */
    long after(long mark, long handOversRead) {
        long from = mark == TornCommits.UNKNOWN_MARK ? durableSeq : mark;
        return handOversRead != handOversSeen ? Math.min(from, durableSeq) : from;
    }

    /** A disk barrier returned: every online change up to {@code committedSeq} is in the file whole. */
    void madeDurable(long committedSeq, long handOversBefore) {
        durableSeq = committedSeq;
        handOversSeen = handOversBefore;
        journal.noteDurable(committedSeq);
    }
}
