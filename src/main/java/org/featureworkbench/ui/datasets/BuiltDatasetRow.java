package org.featureworkbench.ui.datasets;

import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.featureworkbench.dataset.DatasetManifest;
import org.featureworkbench.dataset.JoinedGroup;

/**
 * A dataset built in this workspace, as the list shows it: when, from what, with which groups, how
 * many rows, where, and the outcome of its last rebuild in this session.
 *
 * @param verdict empty until rebuilt; then whether the files' SHA-256 equal the manifest's
 */
public record BuiltDatasetRow(DatasetManifest manifest, String verdict) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String when() {
        return WHEN.format(manifest.builtAt());
    }

    public String base() {
        return manifest.spec().base().describe();
    }

    public String groups() {
        return manifest.spec().joins().stream().map(JoinedGroup::group).collect(Collectors.joining(", "));
    }

    /** "1,000 rows". */
    public String rows() {
        long n = manifest.rows();
        return NumberFormat.getIntegerInstance(Locale.US).format(n) + (n == 1 ? " row" : " rows");
    }

    /** The output the user gave, and how many part files it has when split. */
    public String output() {
        int parts = manifest.parts().size();
        return manifest.output() + (parts > 1 ? "  (" + parts + " parts)" : "");
    }

    BuiltDatasetRow withVerdict(String text) {
        return new BuiltDatasetRow(manifest, text);
    }
}
