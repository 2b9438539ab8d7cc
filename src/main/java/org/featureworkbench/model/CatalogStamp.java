package org.featureworkbench.model;

/**
 * A cheap fingerprint of the whole catalog: how many groups there are and the newest version
 * stamp among them. Versions come from one workspace-wide sequence that never goes back, so
 * every create and every change of a group raises {@code latestVersion}, and a delete alone
 * lowers {@code groupCount}. Two equal stamps mean the same groups with the same definitions: every
 * group has a version no higher than the newest one known, so none is new or changed since, and
 * as many are left as there were, so none is gone. A window compares stamps to notice what other processes did without reading every
 * definition.
 *
 * @param groupCount    how many feature groups exist
 * @param latestVersion the highest version stamp of any group, 0 when there is none
 */
public record CatalogStamp(long groupCount, long latestVersion) {
}
