package org.featureworkbench.model;

/**
 * Parameters of ListFeatureGroups.
 *
 * @param nameContains case-insensitive substring of the name; null or empty matches all
 * @param sortBy       sort key
 * @param descending   reverse the order
 */
public record GroupListQuery(String nameContains, SortBy sortBy, boolean descending) {
    public static final GroupListQuery ALL = new GroupListQuery(null, SortBy.NAME, false);

    /** Sort keys of ListFeatureGroups. */
    public enum SortBy { NAME, CREATION_TIME }

    public GroupListQuery {
        sortBy = sortBy == null ? SortBy.NAME : sortBy;
    }
}
