package org.featureworkbench.model;

import java.util.Optional;

/**
 * Whether a group has an online store and how long its records live there.
 *
 * @param enabled whether records are kept in the online store
 * @param ttl     optional default time-to-live; null means records never expire
 */
public record OnlineStoreConfig(boolean enabled, TtlDuration ttl) {
    public static final OnlineStoreConfig DISABLED = new OnlineStoreConfig(false, null);
    public static final OnlineStoreConfig ENABLED = new OnlineStoreConfig(true, null);

    public Optional<TtlDuration> ttlOptional() {
        return Optional.ofNullable(ttl);
    }
}
