package org.featureworkbench.database;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.h2.engine.Database;
import org.h2.index.Index;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.table.Table;
import org.h2.value.VersionedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the row locks a killed process left in the database file (issue 12, ADR 0016 addendum).
 *
 * <p>H2 writes a row's new version into the table's map first and its undo record into the
 * transaction's log, and stores the maps of one version one after another while writes go on.
 * A {@code kill -9} can therefore leave a row version marked "uncommitted, transaction N" whose
 * transaction is in no log: reopening does not roll it back, and {@code SHUTDOWN COMPACT} copies
 * it as it is. Reads see the row's committed version, but a write of the row waits for whichever
 * live transaction holds the id N at that moment — ids are reused lowest first, so one almost
 * always does — and fails after the lock timeout ("Timeout trying to lock table …") when that
 * transaction lasts longer, e.g. a long read or a slow batch under load. H2 itself overwrites
 * such a version only when no transaction with its id is open ({@code TxDecisionMaker}).
 *
 * <p>This puts the row's committed version back (or removes a row the lost transaction had
 * inserted), as a rollback would have done. It runs in the process that has just opened the
 * file after an unclean end; a version whose transaction is open belongs to a live session and
 * is left alone, and each replacement is a compare-and-set on the exact version read.
 *
 * <p>Such a version comes from a commit H2 stored torn: the same store can hold one map after the
 * commit and another before it ({@link TornCommits}, which runs this after a kill).
 */
public final class StaleRowLocks {
    private static final Logger LOG = LoggerFactory.getLogger(StaleRowLocks.class);
    /** H2's operation id: transaction id in the high bits, log id in the low 40. */
    private static final int LOG_ID_BITS = 40;

    private StaleRowLocks() {
    }

    /** Databases already cleared in this JVM: a file is scanned once per opening, not once per caller. */
    private static final Map<Database, Boolean> CLEARED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Clears every stale row version of every table and index of {@code database}, an embedded
     * database this process has open; does nothing when it was already done for this opening.
     *
     * @return how many uncommitted row versions of no live transaction were found (each was put
     *         back, or left because a session with its transaction's id was open)
     */
    public static int clear(Database database) {
        if (CLEARED.putIfAbsent(database, Boolean.TRUE) != null) {
            return 0;
        }
        TransactionStore transactions = database.getStore().getTransactionStore();
        Set<MVMap<?, ?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int[] counts = new int[2]; // [0] put back, [1] left for a session with the same transaction id
        for (Table table : database.getAllTablesAndViews()) {
            if (!(table instanceof MVTable)) {
                continue; // views, system and meta tables hold no rows of ours
            }
            for (Index index : table.getIndexes()) {
                if (index instanceof MVIndex<?, ?> mvIndex && seen.add(mvIndex.getMVMap())) {
                    clear(mvIndex.getMVMap(), transactions, table.getName(), counts);
                }
            }
        }
        if (counts[0] + counts[1] > 0) {
            LOG.warn("Cleared {} row locks that a process killed mid-transaction left in the workspace database"
                    + " ({} left to an open transaction of the same id)", counts[0], counts[1]);
        }
        repairIndexes(database);
        return counts[0] + counts[1];
    }

    /** After the rows' own versions are settled: each index must then agree with its rows ({@link TornIndexes}). */
    private static void repairIndexes(Database database) {
        for (Table table : database.getAllTablesAndViews()) {
            if (table instanceof MVTable mvTable) {
                int[] fixed = TornIndexes.repair(mvTable);
                if (fixed[0] + fixed[1] + fixed[2] > 0) {
                    LOG.warn("Repaired the indexes of {}, stored torn from its rows by a process killed mid-write:"
                            + " removed {} entries of no row or of a row's old values, added {} missing ones{}",
                            table.getName(), fixed[0], fixed[1], fixed[2] == 0 ? "" : "; " + fixed[2] + " rows share a"
                                    + " unique key with another row and got no entry");
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void clear(MVMap<?, ? extends VersionedValue<?>> typed, TransactionStore transactions, String table,
                              int[] counts) {
        MVMap<Object, VersionedValue<?>> map = (MVMap) typed;
        for (Cursor<Object, VersionedValue<?>> cursor = map.cursor(null); cursor.hasNext(); ) {
            Object key = cursor.next();
            VersionedValue<?> version = cursor.getValue();
            if (version == null || version.getOperationId() == 0) {
                continue;
            }
            int owner = (int) (version.getOperationId() >>> LOG_ID_BITS);
            Integer status = openTransactions(transactions).get(owner);
            if (status != null && status != Transaction.STATUS_COMMITTED) {
                counts[1]++; // a live session's own uncommitted write (or a lost one whose id it now has)
                continue;
            }
            // No transaction: the write was lost, as a rollback would have it (H2's own reading).
            // A transaction read back from the file as committed whose commit never finished
            // (it stays open for good, and blocks the row): its write stands. A live session's
            // commit in progress writes the same; the compare-and-set lets whichever is first win.
            Object kept = status == null ? version.getCommittedValue() : version.getCurrentValue();
            IfSame ifSame = new IfSame(version);
            // A row is a Value, which is its own committed version; none means no row.
            map.operate(key, kept instanceof VersionedValue<?> v ? v : null, ifSame);
            counts[ifSame.applied ? 0 : 1]++;
            LOG.debug("Stale row lock of transaction {} in {} (key {}): {}", owner, table, key,
                    ifSame.applied ? "cleared" : "changed meanwhile, left");
        }
    }

    /** Open transactions: id to status. */
    private static Map<Integer, Integer> openTransactions(TransactionStore transactions) {
        Map<Integer, Integer> open = new HashMap<>();
        for (Transaction t : transactions.getOpenTransactions()) {
            open.put(t.getId(), t.getStatus());
        }
        return open;
    }

    /** Puts the provided value (null: removes the key) only if the stored version is still {@code expected}. */
    static final class IfSame extends MVMap.DecisionMaker<VersionedValue<?>> {
        private final VersionedValue<?> expected;
        /** Whether the last decision (the one that took effect) changed the entry. */
        boolean applied;

        IfSame(VersionedValue<?> expected) {
            this.expected = expected;
        }

        @Override
        public MVMap.Decision decide(VersionedValue<?> existing, VersionedValue<?> provided) {
            applied = existing == expected;
            if (!applied) {
                return MVMap.Decision.ABORT;
            }
            return provided == null ? MVMap.Decision.REMOVE : MVMap.Decision.PUT;
        }

        @Override
        public void reset() {
            applied = false;
        }
    }
}
