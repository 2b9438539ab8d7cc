package org.featureworkbench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files a build writes for {@code --out DIR/NAME.EXT}: that file, or {@code DIR/NAME-<part>.EXT}
 * per split part; and the manifest {@code DIR/NAME.EXT.manifest.json} (named after the whole file
 * name, so a CSV and a Parquet build of one name keep a manifest each). Front ends ask
 * {@link org.featureworkbench.core.DatasetOperations#manifestFor} rather than naming it themselves.
 */
public final class OutputFiles {
    private final List<Path> targets = new ArrayList<>();
    private final List<String> partNames = new ArrayList<>();
    private final Path manifest;

    OutputFiles(Path out, DatasetSpec spec) {
        Path file = out.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        String stem = stem(name);
        manifest = manifestFor(file);
        if (spec.split() == null) {
            targets.add(file);
            partNames.add("all");
        } else {
            String extension = name.length() > stem.length() ? name.substring(stem.length()) : "." + spec.format().extension();
            for (DatasetSplit.Part p : spec.split().parts()) {
                targets.add(file.resolveSibling(stem + "-" + p.name() + extension));
                partNames.add(p.name());
            }
        }
    }

    /** The manifest a build to {@code out} writes beside it: {@code DIR/NAME.EXT.manifest.json}. */
    public static Path manifestFor(Path out) {
        Path file = out.toAbsolutePath().normalize();
        return file.resolveSibling(file.getFileName() + DatasetCatalog.SUFFIX);
    }

    /**
     * The manifest a build to {@code out} wrote before manifests were named after the whole file
     * (ADR 0015, addendum 2026-12-05 (b)): {@code DIR/NAME.manifest.json}, which {@code NAME.csv} and
     * {@code NAME.parquet} shared then. Present only when it exists and describes {@code out}: a
     * manifest always lies beside its output, so the output's file name tells (older manifests may
     * hold a relative path). One that cannot be read is not claimed.
     */
    static Optional<Path> olderManifestOf(Path out) {
        Path file = out.toAbsolutePath().normalize();
        Path older = file.resolveSibling(stem(file.getFileName().toString()) + DatasetCatalog.SUFFIX);
        if (older.equals(manifestFor(file)) || !Files.isRegularFile(older)) {
            return Optional.empty();
        }
        try {
            Path described = ManifestJson.read(older).output().getFileName();
            return file.getFileName().equals(described) ? Optional.of(older) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The manifests beside {@code out} of a dataset built there: its own, and an older-named one ({@link #olderManifestOf}). */
    public static List<Path> manifestsOf(Path out) {
        List<Path> found = new ArrayList<>();
        if (Files.isRegularFile(manifestFor(out))) {
            found.add(manifestFor(out));
        }
        olderManifestOf(out).ifPresent(found::add);
        return found;
    }

    /** Where a rebuild that differs from the dataset at {@code out} goes: {@code DIR/NAME-rebuilt-<time>.EXT}. */
    static Path rebuiltBeside(Path out, java.time.Instant when) {
        Path file = out.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        String stem = stem(name);
        String time = when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace(":", "").replace("-", "");
        return file.resolveSibling(stem + "-rebuilt-" + time + name.substring(stem.length()));
    }

    private static String stem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".csv", ".parquet", ".pq", ".tsv", ".txt")) {
            if (lower.endsWith(ext) && name.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    List<Path> targets() {
        return targets;
    }

    List<String> partNames() {
        return partNames;
    }

    Path manifest() {
        return manifest;
    }
}
