package org.featureworkbench.offline;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The two locks of each group folder in one process.
 * <ul>
 *   <li>{@link #writer}: serialises appends, compaction and purge of a group, so compaction
 *       never merges a partition an append is adding to;</li>
 *   <li>{@link #files}: readers hold its read lock while they list and read; compaction takes
 *       its write lock only for the instant it swaps a partition's files (rename + deletes),
 *       so readers never wait for a merge, only for a swap.</li>
 * </ul>
 * Entries are never removed: a few bytes per group ever touched in this process.
 */
final class GroupLocks {
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    ReentrantLock writer(String groupFolder) {
        return entry(groupFolder).writer;
    }

    ReentrantReadWriteLock files(String groupFolder) {
        return entry(groupFolder).files;
    }

    private Entry entry(String groupFolder) {
        return entries.computeIfAbsent(groupFolder, k -> new Entry());
    }

    private static final class Entry {
        final ReentrantLock writer = new ReentrantLock();
        final ReentrantReadWriteLock files = new ReentrantReadWriteLock();
    }
}
