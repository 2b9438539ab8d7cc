package org.featureworkbench.ui.connect;

/** Where the local API server is in its life, as the Connect page and the status bar show it. */
public enum ServerState {
    STOPPED("Stopped"),
    STARTING("Starting…"),
    RUNNING("Running"),
    STOPPING("Stopping…");

    private final String label;

    ServerState(String label) {
        this.label = label;
    }

    /** The word the page shows. */
    public String label() {
        return label;
    }
}
