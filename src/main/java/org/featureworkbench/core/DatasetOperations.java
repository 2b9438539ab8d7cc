package org.featureworkbench.core;

import java.nio.file.Path;
import java.util.List;
import org.featureworkbench.dataset.BuiltDataset;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetBuilder;
import org.featureworkbench.dataset.DatasetManifest;
import org.featureworkbench.dataset.DatasetPlan;
import org.featureworkbench.dataset.DatasetProgress;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryResult;

/**
 * Point-in-time training datasets (issue 11), reached through {@link FeatureStore#datasets()}: a
 * base of labelled events (a group, a CSV or Parquet file, or a query) joined with any number of
 * groups, each contributing the state of the record at the base row's event time as the store knew
 * it at the as-of time (DESIGN.md §3); written to CSV or Parquet, optionally split, with a manifest
 * that rebuilds the same files later. Runs on the query engine ({@link QueryOperations}).
 *
 * <p>Thread-safe and synchronous; call it off the JavaFX thread. Errors are
 * {@link org.featureworkbench.model.FeatureStoreException}s with messages fit for a user; a
 * {@link org.featureworkbench.model.ValidationException} names the option or field at fault.
 */
public final class DatasetOperations {
    private final DatasetBuilder builder;

    DatasetOperations(DatasetBuilder builder) {
        this.builder = builder;
    }

    /** Checks a definition; returns the SQL that produces its rows and its output columns. */
    public DatasetPlan plan(DatasetSpec spec) {
        return builder.plan(spec);
    }

    /** The base's first rows as read (its columns, to choose the id and time columns from). Close it. */
    public QueryResult previewBase(DatasetBase base, int rows, QueryCancellation cancellation) {
        return builder.previewBase(base, rows, cancellation);
    }

    /** The dataset's first {@code rows} rows in output order, paged like a query result. Close it. */
    public QueryResult preview(DatasetSpec spec, int rows, QueryCancellation cancellation) {
        return builder.preview(spec, rows, cancellation);
    }

    /**
     * Builds the dataset into {@code out} ({@code NAME-<part>.EXT} per part with a split) and writes
     * {@code NAME.EXT.manifest.json} beside it; the output appears whole or not at all.
     */
    public BuiltDataset build(DatasetSpec spec, Path out, DatasetProgress progress, QueryCancellation cancellation) {
        return builder.build(spec, out, progress, cancellation);
    }

    /**
     * Rebuilds a dataset from its manifest, as of the same time; {@link BuiltDataset#comparison()}
     * says whether every file equals the original.
     *
     * @param out null = where the original was written
     */
    public BuiltDataset rebuild(Path manifest, Path out, DatasetProgress progress, QueryCancellation cancellation) {
        return builder.rebuild(manifest, out, progress, cancellation);
    }

    /** Where a build to {@code out} writes its manifest; {@link #manifestsOf} tells whether a dataset was built there. */
    public Path manifestFor(Path out) {
        return org.featureworkbench.dataset.OutputFiles.manifestFor(out);
    }

    /**
     * The manifests of a dataset built to {@code out} before, beside it: {@link #manifestFor}'s, and
     * one named {@code NAME.manifest.json} as manifests were before, when it describes {@code out}
     * (a build to {@code out} removes that one). Empty when none.
     */
    public List<Path> manifestsOf(Path out) {
        return org.featureworkbench.dataset.OutputFiles.manifestsOf(out);
    }

    /** The datasets built in this workspace, newest first. */
    public List<DatasetManifest> list() {
        return builder.list();
    }

    public DatasetManifest readManifest(Path manifest) {
        return builder.readManifest(manifest);
    }
}
