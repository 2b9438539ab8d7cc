package org.featureworkbench.ingest;

import java.util.List;

/**
 * The dialect a CSV file will be read with, and what detection noticed on the way.
 *
 * @param dialect the dialect (detected, with the user's overrides applied)
 * @param notes   observations for the user, e.g. "delimiter ';' detected" or a header/row field
 *                count mismatch seen in the sample; never null
 */
public record DetectedDialect(CsvDialect dialect, List<String> notes) {
    public DetectedDialect {
        notes = List.copyOf(notes);
    }
}
