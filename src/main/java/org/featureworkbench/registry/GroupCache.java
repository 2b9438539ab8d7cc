package org.featureworkbench.registry;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The data path's cache of catalog entries by group name. Reading a definition from the catalog
 * (pool borrow, query, JSON parse) cost more than a whole GetRecord, so PutRecord, GetRecord and
 * DeleteRecord take the group from here.
 *
 * <p>Correctness does not depend on this cache being fresh: every read and write compares the
 * entry's {@link CatalogEntry#version()} with the catalog's inside its own statement or
 * transaction ({@link CatalogVersions}) and fails with {@link StaleDefinitionException} on a
 * mismatch; the facade then {@link #invalidate}s and retries. Changes made through this process's
 * facade invalidate at once. Thread-safe.
 */
public final class GroupCache {
    private final Function<String, Optional<CatalogEntry>> loader;
    private final Function<String, OptionalLong> versions;
    private final Map<String, CatalogEntry> entries = new ConcurrentHashMap<>();
    /** Groups whose online table this process is changing (ADD COLUMN, DROP TABLE), with how many changes. */
    private final Map<String, Integer> changing = new ConcurrentHashMap<>();

    /**
     * @param loader   reads a group and its version from the catalog
     * @param versions reads only the current version (cheap), empty when the group is gone
     */
    public GroupCache(Function<String, Optional<CatalogEntry>> loader, Function<String, OptionalLong> versions) {
        this.loader = loader;
        this.versions = versions;
    }

    /** The cached entry, loaded from the catalog on a miss; empty when no such group exists. */
    public Optional<CatalogEntry> get(String name) {
        CatalogEntry cached = entries.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CatalogEntry> loaded = loader.apply(name);
        loaded.ifPresent(e -> entries.put(name, e));
        return loaded;
    }

    /** The cached entry without a catalog read, empty when it is not cached. */
    public Optional<CatalogEntry> cached(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * Whether the group's entry is cached, i.e. {@link #get} would answer without reading the
     * catalog, and this process is not changing the group's table (a read of a table under
     * ALTER or DROP waits for H2's exclusive lock).
     */
    public boolean isCached(String name) {
        return entries.containsKey(name) && !changing.containsKey(name);
    }

    /**
     * Runs {@code change} (DDL on the group's table) with {@link #isCached} answering false for the
     * group throughout, so no caller counts on a read of that table not waiting.
     */
    public <T> T whileChanging(String name, java.util.function.Supplier<T> change) {
        changing.merge(name, 1, Integer::sum);
        try {
            return change.get();
        } finally {
            changing.computeIfPresent(name, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** Whether the entry still is the catalog's current version of its group (one query). */
    public boolean isCurrent(CatalogEntry entry) {
        OptionalLong now = versions.apply(entry.group().name());
        return now.isPresent() && now.getAsLong() == entry.version();
    }

    /** Forgets the group, so the next {@link #get} reads the catalog. */
    public void invalidate(String name) {
        entries.remove(name);
    }
}
