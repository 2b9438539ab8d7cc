package org.featureworkbench.offline;

import org.featureworkbench.model.FeatureStoreException;

/**
 * A publish into a group's offline folder refused because another process deleted the group with
 * its offline files ({@code group delete --purge-offline}) meanwhile: nothing was published, and
 * nothing of the write is left in the folder (ADR 0017, addendum).
 */
public final class GroupFolderPurgedException extends FeatureStoreException {
    private static final long serialVersionUID = 1L;

    GroupFolderPurgedException(String groupName, String groupFolder) {
        super("feature group '" + groupName + "' was deleted with its offline files (group delete --purge-offline) "
                + "while this write into " + groupFolder + " was under way; nothing more was stored");
    }
}
