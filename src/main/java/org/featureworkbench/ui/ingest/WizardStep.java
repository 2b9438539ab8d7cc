package org.featureworkbench.ui.ingest;

/** The ingest wizard's steps, in order, with the title shown above each. */
public enum WizardStep {
    FILE("1 · File", "Choose a CSV, Parquet or JSON Lines file. Format, delimiter and encoding are detected unless you set them."),
    PREVIEW("2 · Preview", "What the first rows of the file look like: each column with its inferred type."),
    MAPPING("3 · Mapping", "How the columns become features."),
    STORES("4 · Stores", "Where the rows go, and what a row that cannot be stored does."),
    RUN("5 · Ingest", "The ingest runs as a job: you may close this window, it keeps running (see Jobs)."),
    SUMMARY("6 · Summary", "What the ingest did.");

    private final String title;
    private final String hint;

    WizardStep(String title, String hint) {
        this.title = title;
        this.hint = hint;
    }

    public String title() {
        return title;
    }

    public String hint() {
        return hint;
    }
}
