package org.featureworkbench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.ValidationException;

/**
 * What a rebuild from a manifest must find unchanged (the base file, each group's identity) and how
 * its result compares with the original files.
 */
final class RebuildCheck {
    private final DatasetManifest manifest;
    private final Function<String, FeatureGroup> groups;

    RebuildCheck(DatasetManifest manifest, Function<String, FeatureGroup> groups) {
        this.manifest = manifest;
        this.groups = groups;
    }

    void run() {
        DatasetBase base = manifest.spec().base();
        if (base.kind() == DatasetBase.Kind.FILE) {
            Path file = Path.of(base.source());
            if (!Files.isRegularFile(file)) {
                throw new ValidationException("--from-manifest", "the dataset's base file " + file + " is gone; put it "
                        + "back to rebuild the same rows");
            }
            if (manifest.baseSha256() != null && !manifest.baseSha256().equals(FileDigest.sha256(file))) {
                throw new ValidationException("--from-manifest", "the base file " + file + " changed since the dataset was "
                        + "built (its SHA-256 differs), so a rebuild would not give the same rows; restore the original "
                        + "file or build a new dataset");
            }
        }
        for (ManifestGroup g : manifest.groups()) {
            FeatureGroup now = groups.apply(g.name());
            if (!now.offlineFolderName().equals(g.offlineFolder())) {
                throw new ValidationException("--from-manifest", "feature group '" + g.name() + "' was deleted and "
                        + "created again since the dataset was built (its offline folder was " + g.offlineFolder()
                        + ", now " + now.offlineFolderName() + "); the data it was built from is not in this group");
            }
        }
    }

    static boolean identical(DatasetManifest original, List<DatasetPart> written) {
        if (original.parts().size() != written.size()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            if (!original.parts().get(i).sha256().equals(written.get(i).sha256())) {
                return false;
            }
        }
        return true;
    }

    static String compare(DatasetManifest original, List<DatasetPart> written) {
        if (identical(original, written)) {
            return "identical to the original: every file's SHA-256 matches the manifest ("
                    + written.size() + (written.size() == 1 ? " file" : " files") + ")";
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            DatasetPart now = written.get(i);
            DatasetPart then = i < original.parts().size() ? original.parts().get(i) : null;
            if (then == null || !then.sha256().equals(now.sha256())) {
                differences.add(now.name() + " (" + (then == null ? "new" : then.rows() + " rows then, " + now.rows() + " now") + ")");
            }
        }
        return "differs from the original in " + String.join(", ", differences);
    }
}
