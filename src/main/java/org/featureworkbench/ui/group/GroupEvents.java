package org.featureworkbench.ui.group;

import org.featureworkbench.model.FeatureGroup;

/**
 * How pages and dialogs tell the shell that a group changed, so every view shows the version
 * the store returned. Called on the UI thread.
 */
public interface GroupEvents {
    /** A group was created (from the dialog, an import or the sample data). */
    void groupCreated(FeatureGroup group);

    /** A group's features, metadata or tags changed; {@code group} is the new version. */
    void groupUpdated(FeatureGroup group);

    /** A group was deleted; {@code group} is how it was before. */
    void groupDeleted(FeatureGroup group);
}
