package org.featureworkbench.query;

import java.nio.file.Path;

/** A result written by COPY into the staging folder, not yet moved to its target. */
public record StagedFile(Path file, long rows) {
}
