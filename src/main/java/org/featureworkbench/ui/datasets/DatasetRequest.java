package org.featureworkbench.ui.datasets;

import java.nio.file.Path;
import org.featureworkbench.dataset.DatasetSpec;

/** What the form describes once every field reads: the dataset and where to write it. */
record DatasetRequest(DatasetSpec spec, Path output) {
}
