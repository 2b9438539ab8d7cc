package org.featureworkbench.writepath;

import java.util.Set;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TargetStore;
import org.featureworkbench.model.ValidationException;

/** The TargetStores of a PutRecord or DeleteRecord: at least one, and only stores the group has. */
final class TargetStoreCheck {
    private TargetStoreCheck() {
    }

    static void require(FeatureGroup group, Set<TargetStore> targets) {
        if (targets.isEmpty()) {
            throw new ValidationException("TargetStores", "no target store given; use online, offline or both");
        }
        if (targets.contains(TargetStore.ONLINE_STORE) && !group.definition().onlineStore().enabled()) {
            throw new ValidationException("TargetStores", "feature group '" + group.name()
                    + "' has no online store; target offline only");
        }
        if (targets.contains(TargetStore.OFFLINE_STORE) && !group.definition().offlineStore().enabled()) {
            throw new ValidationException("TargetStores", "feature group '" + group.name()
                    + "' has no offline store; target online only");
        }
    }
}
