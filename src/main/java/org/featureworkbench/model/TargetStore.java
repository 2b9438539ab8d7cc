package org.featureworkbench.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** PutRecord/DeleteRecord TargetStores, spelt as SageMaker spells them. */
public enum TargetStore {
    ONLINE_STORE("OnlineStore"),
    OFFLINE_STORE("OfflineStore");

    private final String awsName;

    TargetStore(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    /**
     * Parses a comma-separated list such as {@code online,offline} or {@code OnlineStore}.
     * A null or blank text means both stores.
     */
    public static Set<TargetStore> parseList(String text, String field) {
        if (text == null || text.isBlank()) {
            return EnumSet.allOf(TargetStore.class);
        }
        Set<TargetStore> targets = EnumSet.noneOf(TargetStore.class);
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            switch (p) {
                case "online", "onlinestore" -> targets.add(ONLINE_STORE);
                case "offline", "offlinestore" -> targets.add(OFFLINE_STORE);
                default -> throw new ValidationException(field, "unknown target store '" + part.trim()
                        + "'; use online, offline or online,offline");
            }
        }
        return targets;
    }
}
