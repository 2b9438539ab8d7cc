package org.featureworkbench.model;

/**
 * A cheap fingerprint of the whole catalog: how many groups there are, the newest version stamp
 * among them and the sum of their stamps. Versions come from one workspace-wide sequence that
 * never goes back: a create raises the count, a change replaces a group's stamp by a higher one
 * (the sum rises), a delete lowers the count. The sum also catches a change whose transaction drew
 * its stamp before another's but committed after it (the newest stamp alone would not move). A
 * window compares stamps to notice what other processes did without reading every definition.
 *
 * @param groupCount    how many feature groups exist
 * @param latestVersion the highest version stamp of any group, 0 when there is none
 * @param versionSum    the sum of all groups' version stamps, 0 when there is none
 */
public record CatalogStamp(long groupCount, long latestVersion, long versionSum) {
}
