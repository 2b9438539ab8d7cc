package org.featureworkbench.dataset;

import java.util.List;

/**
 * A group a dataset read, as the manifest records it.
 *
 * @param name          the group's name
 * @param offlineFolder {@code <group>-<creation epoch s>}: a group deleted and re-created under the
 *                      same name has another folder, so a rebuild can tell
 * @param definition    the group's definition as DescribeFeatureGroup JSON text
 * @param rowsAsOf      how many offline rows the group had as of the build's as-of time
 * @param files         the offline files read (relative to the offline store), each with its rows as of then
 */
public record ManifestGroup(String name, String offlineFolder, String definition, long rowsAsOf, List<ManifestFile> files) {
    public ManifestGroup {
        files = List.copyOf(files);
    }

    /** One offline file and the rows of it the build could see. */
    public record ManifestFile(String path, long rows) {
    }
}
