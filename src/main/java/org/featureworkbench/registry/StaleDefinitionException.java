package org.featureworkbench.registry;

import org.featureworkbench.model.FeatureStoreException;

/**
 * A read or write was attempted with a cached definition of a group that has since changed or
 * vanished (another process added features, deleted or re-created it). Nothing was written; the
 * facade refreshes its cache and retries once, so a user sees this only if the group keeps
 * changing under a call.
 */
public final class StaleDefinitionException extends FeatureStoreException {
    public StaleDefinitionException(String groupName) {
        super("feature group '" + groupName + "' changed while the request ran (another process updated or"
                + " re-created it); retry the request");
    }
}
