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
 * transaction (an uncommitted version) are left alone. What the rows lost is restored by the
 * journal replay that follows (ADR 0010), whose writes then find a consistent index.
 */
final class TornIndexes {
    private TornIndexes() {
    }

    /**
     * Repairs every secondary index of {@code table}.
     *
     * @return how many entries were removed (index 0) and added (index 1)
     */
    static int[] repair(MVTable table) {
        int[] counts = new int[2];
        MVMap<Long, VersionedValue<SearchRow>> rows = ((MVPrimaryIndex) table.getScanIndex(null)).getMVMap();
        for (Index index : table.getIndexes()) {
            // The primary index is the rows themselves; a delegate index reads them directly.
            if (index instanceof MVSecondaryIndex secondary) {
                int removed = removeWrongEntries(secondary, rows);
                counts[0] += removed;
                // Every entry left is its own row's (one per row: the row id is part of it), so as many
                // entries as rows means none is missing, and the second pass (half the cost) is skipped.
                if (removed > 0 || secondary.getMVMap().sizeAsLong() != rows.sizeAsLong()) {
                    counts[1] += addMissingEntries(secondary, rows);
                }
            }
        }
        return counts;
    }

    private static int removeWrongEntries(MVSecondaryIndex index, MVMap<Long, VersionedValue<SearchRow>> rows) {
        MVMap<SearchRow, VersionedValue<Value>> entries = index.getMVMap();
        DataType<SearchRow> order = entries.getKeyType();
        int removed = 0;
        for (Cursor<SearchRow, VersionedValue<Value>> cursor = entries.cursor(null); cursor.hasNext(); ) {
            SearchRow entry = cursor.next();
            VersionedValue<Value> version = cursor.getValue();
            if (version == null || version.getOperationId() != 0) {
                continue; // a live transaction's entry
            }
            VersionedValue<SearchRow> row = rows.get(entry.getKey());
            if (row != null && (row.getOperationId() != 0
                    || order.compare(entry, entryOf(index, row.getCurrentValue(), entry.getKey())) == 0)) {
                continue; // a live transaction's row, or the entry its row should have
            }
            StaleRowLocks.IfSame ifSame = new StaleRowLocks.IfSame(version);
            untyped(entries).operate(entry, null, ifSame);
            removed += ifSame.applied ? 1 : 0;
        }
        return removed;
    }

    private static int addMissingEntries(MVSecondaryIndex index, MVMap<Long, VersionedValue<SearchRow>> rows) {
        MVMap<SearchRow, VersionedValue<Value>> entries = index.getMVMap();
        int added = 0;
        for (Cursor<Long, VersionedValue<SearchRow>> cursor = rows.cursor(null); cursor.hasNext(); ) {
            long id = cursor.next();
            VersionedValue<SearchRow> row = cursor.getValue();
            if (row == null || row.getOperationId() != 0) {
                continue;
            }
            // ValueNull is the committed value of every entry (a Value is its own committed version).
            if (entries.putIfAbsent(entryOf(index, row.getCurrentValue(), id), ValueNull.INSTANCE) == null) {
                added++;
            }
        }
        return added;
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
