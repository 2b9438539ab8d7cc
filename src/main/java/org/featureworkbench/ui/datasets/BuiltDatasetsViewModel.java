package org.featureworkbench.ui.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.DatasetManifest;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The datasets built in this workspace (their manifests, newest first), each rebuildable in one
 * click — the result says whether every file's SHA-256 equals the manifest's (the builder's
 * {@code BuiltDataset.comparison()}) — and its manifest shown as written.
 */
public final class BuiltDatasetsViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DatasetJobViewModel job;
    private final Consumer<Throwable> onFailure;
    private final Consumer<String> onNotice;
    private final ObservableList<BuiltDatasetRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper manifestTitle = new ReadOnlyStringWrapper(this, "manifestTitle", "");
    private final ReadOnlyStringWrapper manifestText = new ReadOnlyStringWrapper(this, "manifestText", "");
    // Verdicts of this session's rebuilds, by manifest file: they survive a reload of the list.
    private final Map<Path, String> verdicts = new HashMap<>();

    BuiltDatasetsViewModel(FeatureStore store, TaskExecutor executor, DatasetJobViewModel job,
                           Consumer<Throwable> onFailure, Consumer<String> onNotice) {
        this.store = store;
        this.executor = executor;
        this.job = job;
        this.onFailure = onFailure;
        this.onNotice = onNotice;
    }

    /** Reloads the list from the workspace. */
    public void refresh() {
        executor.execute(() -> store.datasets().list(), list -> rows.setAll(list.stream()
                .map(m -> new BuiltDatasetRow(m, verdicts.getOrDefault(m.path(), ""))).toList()), onFailure);
    }

    /** Rebuilds {@code row}'s dataset from its manifest into its own files, then compares the hashes. */
    public void rebuild(BuiltDatasetRow row) {
        DatasetManifest before = row.manifest();
        String name = String.valueOf(before.output().getFileName());
        job.start("Rebuilding " + name,
                (progress, cancel) -> store.datasets().rebuild(before.path(), null, progress, cancel),
                built -> {
                    String verdict = (built.identical() ? "✓ " : "✗ ") + built.comparison();
                    verdicts.put(before.path(), verdict);
                    onNotice.accept("Rebuilt " + name + ": " + verdict);
                    refresh();
                }, onFailure, () -> onNotice.accept("The rebuild was cancelled."));
    }

    /** Shows the manifest file of {@code row} as written (JSON). */
    public void showManifest(BuiltDatasetRow row) {
        Path file = row.manifest().path();
        executor.execute(() -> read(file), text -> {
            manifestTitle.set(file.toString());
            manifestText.set(text);
        }, onFailure);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new FeatureStoreException("the manifest " + file + " could not be read (" + e.getMessage()
                    + "); was it moved or deleted?", e);
        }
    }

    public ObservableList<BuiltDatasetRow> rows() {
        return rows;
    }

    /** The shown manifest's path; empty when none. */
    public ReadOnlyStringProperty manifestTitleProperty() {
        return manifestTitle.getReadOnlyProperty();
    }

    /** The shown manifest's JSON. */
    public ReadOnlyStringProperty manifestTextProperty() {
        return manifestText.getReadOnlyProperty();
    }
}
