package org.featureworkbench.dataset;

import java.nio.file.Path;

/**
 * One written file of a dataset.
 *
 * @param name   the part's name ({@code all} without a split, else e.g. {@code train})
 * @param file   where it was written
 * @param rows   its row count
 * @param sha256 the SHA-256 of its bytes (hex): a rebuild from the manifest must give the same
 */
public record DatasetPart(String name, Path file, long rows, String sha256) {
}
