package org.featureworkbench.ui.datasets;

import org.featureworkbench.dataset.DatasetSplit;

/** The split options of the form, in words; {@link #mode()} is null for no split. */
public enum SplitChoice {
    NONE("No split (one file)", null),
    BY_TIME("By event time", DatasetSplit.Mode.BY_TIME),
    RANDOM("Random, seeded", DatasetSplit.Mode.RANDOM);

    private final String label;
    private final DatasetSplit.Mode mode;

    SplitChoice(String label, DatasetSplit.Mode mode) {
        this.label = label;
        this.mode = mode;
    }

    DatasetSplit.Mode mode() {
        return mode;
    }

    @Override
    public String toString() {
        return label;
    }
}
