package org.featureworkbench.dataset;

/** Hears how a build goes: one call per step (bring the copy up to date, join, write each part). */
@FunctionalInterface
public interface DatasetProgress {
    DatasetProgress NONE = (step, done, total) -> { };

    /**
     * @param step  what runs now, in words for the user
     * @param done  steps finished before this one
     * @param total steps in the whole build
     */
    void step(String step, int done, int total);
}
