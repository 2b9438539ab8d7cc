package org.featureworkbench.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.featureworkbench.model.FeatureStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datasets built in a workspace: a copy of each manifest in {@code <workspace>/datasets/},
 * so the list survives a user moving or deleting the output folder. Thread-safe (each manifest is
 * written whole by an atomic rename).
 */
final class DatasetCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetCatalog.class);
    static final String SUFFIX = ".manifest.json";

    private final Path folder;

    DatasetCatalog(Path folder) {
        this.folder = folder;
    }

    Path register(DatasetManifest manifest) {
        Path file = folder.resolve(manifest.id() + SUFFIX);
        ManifestJson.write(manifest, file);
        return file;
    }

    /** Every readable manifest, newest first; an unreadable one is skipped and logged. */
    List<DatasetManifest> list() {
        List<DatasetManifest> manifests = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return manifests;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    manifests.add(ManifestJson.read(f));
                } catch (FeatureStoreException e) {
                    LOG.warn("Skipping dataset manifest {}: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new FeatureStoreException("cannot list the datasets in " + folder + ": " + e.getMessage(), e);
        }
        manifests.sort(Comparator.comparing(DatasetManifest::builtAt).reversed().thenComparing(DatasetManifest::id));
        return manifests;
    }
}
