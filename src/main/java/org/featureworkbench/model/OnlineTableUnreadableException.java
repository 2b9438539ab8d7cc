package org.featureworkbench.model;

/**
 * A group's online table is missing from the workspace database, or a page of it cannot be read:
 * the group's records cannot be told apart from records never written, so a read must fail rather
 * than answer "not found" (issue 12: no command reports success while data it should have read is
 * missing). The message says which group and to run {@code check}, then {@code repair}.
 */
public class OnlineTableUnreadableException extends FeatureStoreException {
    private static final long serialVersionUID = 1L;
    private final String groupName;
    private final boolean tableMissing;

    public OnlineTableUnreadableException(String groupName, String message, Throwable cause) {
        this(groupName, message, cause, false);
    }

    /** @param tableMissing whether the table was not found (rather than found with a damaged page) */
    public OnlineTableUnreadableException(String groupName, String message, Throwable cause, boolean tableMissing) {
        super(message, cause);
        this.groupName = groupName;
        this.tableMissing = tableMissing;
    }

    /**
     * Whether the table was not found. For an instant that is also what H2's ADD COLUMN leaves
     * (it puts its copy of the table in under the old name), so a caller may try again shortly.
     */
    public boolean tableMissing() {
        return tableMissing;
    }

    /** The feature group whose online table cannot be read. */
    public String groupName() {
        return groupName;
    }
}
