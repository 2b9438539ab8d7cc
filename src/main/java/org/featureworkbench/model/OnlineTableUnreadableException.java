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

    public OnlineTableUnreadableException(String groupName, String message, Throwable cause) {
        super(message, cause);
        this.groupName = groupName;
    }

    /** The feature group whose online table cannot be read. */
    public String groupName() {
        return groupName;
    }
}
