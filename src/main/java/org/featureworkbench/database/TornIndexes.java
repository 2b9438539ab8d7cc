package org.featureworkbench.database;

import org.h2.index.Index;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.type.DataType;
import org.h2.result.SearchRow;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2.value.VersionedValue;

/**
 * Makes a table's indexes agree with its rows again after a {@code kill -9} stored them torn
 * (found by KillAtRandomPointsIT, 2026-12-05; ADR 0016 addendum).
 *
 * <p>H2 2.5.252 stores a table's row map and each of its index maps one after another while
 * commits go on ({@link TornCommits}). A kill can therefore leave the file with an index entry
 * for a row the row map does not hold (the insert reached the index map's stored version, not the
 * row map's), an entry under a row's old values, or a row with no entry. H2 never checks: a read
 * or write through the entry fails with "Row not found in primary index" — which H2 retries as a
 * concurrent update and reports, two seconds later, as a lock timeout — and updating a row whose
 * entry is missing fails with "Row not found when trying to delete". Both fail every replay of the
 * killed process's journal, so the workspace could not be opened again, however often it was tried.
 *
 * <p>This removes entries that point at no row or disagree with their row, and adds the entries
 * rows lack, as the index would be if built afresh from the rows. Rows and entries of a live
 * transaction (an uncommitted version) are left alone, and an entry added for a row that another
 * session changed meanwhile is taken back. A unique index gets no second entry for a key another
 * row holds (the rows themselves break the constraint then; the check reports such a table). What
 * the rows lost is restored by the journal replay that follows (ADR 0010), whose writes then find
 * a consistent index.
 */
final class TornIndexes {
    private TornIndexes() {
    }

    /**
     * Repairs every secondary index of {@code table}.
     *
     * @return how many entries were removed (index 0), added (index 1), and not added because a
     *         unique index already held another row's entry for the same key (index 2)
     */
    static int[] repair(MVTable table) {
        int[] counts = new int[3];
        MVMap<Long, VersionedValue<SearchRow>> rows = ((MVPrimaryIndex) table.getScanIndex(null)).getMVMap();
        for (Index index : table.getIndexes()) {
            // The primary index is the rows themselves; a delegate index reads them directly. A spatial
            // index (none of ours has one) is no MVSecondaryIndex and is left as it is.
            if (index instanceof MVSecondaryIndex secondary) {
                Pass removal = removeWrongEntries(secondary, rows);
                counts[0] += removal.changed;
                // Every committed entry left is its own row's (one per row: the row id is part of it), so as
                // many entries as rows means none is missing, and the second pass (half the cost) is skipped;
                // not when a live transaction holds entries: an update holds two for one row.
                if (removal.changed > 0 || removal.leftAlone > 0 || secondary.getMVMap().sizeAsLong() != rows.sizeAsLong()) {
                    Pass addition = addMissingEntries(secondary, rows);
                    counts[1] += addition.changed;
                    counts[2] += addition.leftAlone;
                }
            }
        }
        return counts;
    }

    /** What a pass changed, and what it left alone (live entries; for the second pass, unique-key clashes). */
    private record Pass(int changed, int leftAlone) {
    }

    private static Pass removeWrongEntries(MVSecondaryIndex index, MVMap<Long, VersionedValue<SearchRow>> rows) {
        MVMap<SearchRow, VersionedValue<Value>> entries = index.getMVMap();
        int removed = 0;
        int live = 0;
        for (Cursor<SearchRow, VersionedValue<Value>> cursor = entries.cursor(null); cursor.hasNext(); ) {
            SearchRow entry = cursor.next();
            VersionedValue<Value> version = cursor.getValue();
            if (version == null || version.getOperationId() != 0) {
                live++; // a live transaction's entry
                continue;
            }
            VersionedValue<SearchRow> row = rows.get(entry.getKey());
            if (row != null && (row.getOperationId() != 0 || agrees(index, entry, row, entry.getKey()))) {
                continue; // a live transaction's row, or the entry its row should have
            }
            StaleRowLocks.IfSame ifSame = new StaleRowLocks.IfSame(version);
            untyped(entries).operate(entry, null, ifSame);
            removed += ifSame.applied ? 1 : 0;
        }
        return new Pass(removed, live);
    }

    private static Pass addMissingEntries(MVSecondaryIndex index, MVMap<Long, VersionedValue<SearchRow>> rows) {
        MVMap<SearchRow, VersionedValue<Value>> entries = index.getMVMap();
        boolean unique = index.getIndexType().isUnique();
        int added = 0;
        int clashes = 0;
        for (Cursor<Long, VersionedValue<SearchRow>> cursor = rows.cursor(null); cursor.hasNext(); ) {
            long id = cursor.next();
            VersionedValue<SearchRow> row = cursor.getValue();
            if (row == null || row.getOperationId() != 0) {
                continue;
            }
            SearchRow entry = entryOf(index, row.getCurrentValue(), id);
            if (entries.containsKey(entry)) {
                continue;
            }
            if (unique && holdsAnotherRow(index, entry)) {
                // Two rows with one key: an index cannot say which is meant; the check reports the table.
                clashes++;
                continue;
            }
            // ValueNull is the committed value of every entry (a Value is its own committed version).
            if (entries.putIfAbsent(entry, ValueNull.INSTANCE) == null) {
                // The cursor reads the rows as they were when it started: a session that changed this row
                // since (other processes may be connected) keeps its own entries right, and this one is wrong.
                VersionedValue<SearchRow> now = rows.get(id);
                if (now == null || now.getOperationId() != 0 || !agrees(index, entry, now, id)) {
                    untyped(entries).operate(entry, null, new StaleRowLocks.IfSame(ValueNull.INSTANCE));
                } else {
                    added++;
                }
            }
        }
        return new Pass(added, clashes);
    }

    /** Whether {@code entry} is the entry {@code index} holds for {@code row} (row id {@code id}). */
    private static boolean agrees(MVSecondaryIndex index, SearchRow entry, VersionedValue<SearchRow> row, long id) {
        return index.getMVMap().getKeyType().compare(entry, entryOf(index, row.getCurrentValue(), id)) == 0;
    }

    /** Whether a unique index holds an entry with {@code entry}'s values for another row (NULLs never clash). */
    private static boolean holdsAnotherRow(MVSecondaryIndex index, SearchRow entry) {
        for (org.h2.table.Column column : index.getColumns()) {
            if (entry.getValue(column.getColumnId()) == ValueNull.INSTANCE) {
                return false;
            }
        }
        SearchRow from = index.getRowFactory().createRow();
        from.copyFrom(entry);
        from.setKey(Long.MIN_VALUE);
        SearchRow first = index.getMVMap().ceilingKey(from);
        if (first == null) {
            return false;
        }
        SearchRow sameValues = index.getRowFactory().createRow();
        sameValues.copyFrom(entry);
        sameValues.setKey(first.getKey());
        return first.getKey() != entry.getKey() && index.getMVMap().getKeyType().compare(first, sameValues) == 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap<Object, VersionedValue<?>> untyped(MVMap<?, ?> map) {
        return (MVMap) map;
    }

    /** The entry {@code index} holds for {@code row}, as H2 builds it (MVSecondaryIndex.convertToKey). */
    private static SearchRow entryOf(MVSecondaryIndex index, SearchRow row, long id) {
        SearchRow entry = index.getRowFactory().createRow();
        entry.copyFrom(row);
        entry.setKey(id);
        return entry;
    }
}
