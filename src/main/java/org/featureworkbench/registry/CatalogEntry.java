package org.featureworkbench.registry;

import org.featureworkbench.model.FeatureGroup;

/**
 * A group as the catalog held it at one definition version.
 *
 * @param group   the group
 * @param version the catalog's version stamp of the row: drawn from one database sequence on
 *                every create and every change, so it is never reused, not even by a group
 *                deleted and re-created under the same name
 */
public record CatalogEntry(FeatureGroup group, long version) {
}
