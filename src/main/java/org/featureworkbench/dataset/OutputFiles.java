package org.featureworkbench.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
