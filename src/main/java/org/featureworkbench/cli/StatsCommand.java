package org.featureworkbench.cli;

import java.util.List;
import java.util.Locale;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.stats.FeatureStatistics;
import org.featureworkbench.query.stats.GroupStatistics;
import org.featureworkbench.query.stats.Histogram;
import org.featureworkbench.query.stats.NumericSummary;
import org.featureworkbench.query.stats.ValueCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stats GROUP [--feature F] [--latest] [--json]}: the profile of a group's offline data. */
@Command(name = "stats", description = {"Show statistics of every feature of a group, from its offline store.",
        "DuckDB computes count, nulls, distinct, min/max/mean/std/quartiles and top values; with --feature,",
        "the histogram too. All history (every stored row but delete markers) unless --latest."})
final class StatsCommand extends RecordCommand {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Feature group name.")
    String group;

    @Option(names = "--feature", paramLabel = "F", description = "Only this feature, with its histogram or top values.")
    String feature;

    @Option(names = "--latest", description = "The latest snapshot (the state of every record now) instead of all history.")
    boolean latest;

    @Option(names = "--json", description = "Print the statistics as JSON.")
    boolean json;

    @Override
    protected void run(FeatureStore store) {
        GroupStatistics s = store.query().statistics(group, latest, new QueryCancellation());
        List<FeatureStatistics> features = s.features();
        if (feature != null) {
            FeatureStatistics one = s.feature(feature).orElseThrow(() -> new ValidationException("--feature",
                    "feature group '" + group + "' has no feature '" + feature + "'; its features are "
                            + String.join(", ", s.features().stream().map(FeatureStatistics::name).toList())));
            features = List.of(one);
        }
        if (json) {
            out().println(StatsJson.write(feature == null ? s : features.get(0)));
            return;
        }
        out().println("Statistics of " + group + ", " + (latest ? "latest snapshot" : "all history") + ": "
                + Numbers.count(s.rows()) + (s.rows() == 1 ? " row" : " rows")
                + s.firstEvent().map(f -> ", event times " + f + " .. " + s.lastEvent().orElseThrow()).orElse(""));
        if (s.rows() == 0) {
            out().println("The offline store holds no rows yet.");
            return;
        }
        out().println();
        TextTable table = new TextTable("FEATURE", "TYPE", "COUNT", "NULLS", "DISTINCT", "MIN", "MAX", "MEAN", "STD",
                "P25", "P50", "P75");
        for (FeatureStatistics f : features) {
            NumericSummary n = f.numeric();
            table.row(f.name(), f.type().awsName(), Numbers.count(f.count()), Numbers.count(f.nulls()),
                    (s.exact() ? "" : "~") + Numbers.count(f.distinct()),
                    n == null ? "" : Numbers.value(n.min()), n == null ? "" : Numbers.value(n.max()),
                    n == null ? "" : Numbers.value(n.mean()), n == null || n.std() == null ? "" : Numbers.value(n.std()),
                    n == null ? "" : Numbers.value(n.p25()), n == null ? "" : Numbers.value(n.p50()),
                    n == null ? "" : Numbers.value(n.p75()));
        }
        out().print(table.render(""));
        for (FeatureStatistics f : features) {
            if (!f.topValues().isEmpty()) {
                out().println();
                out().println("Top values of " + f.name() + ":");
                TextTable top = new TextTable("VALUE", "ROWS", "SHARE");
                for (ValueCount v : f.topValues()) {
                    top.row(v.value().isEmpty() ? "(empty)" : v.value(), Numbers.count(v.count()), Numbers.percent(v.count(), f.count()));
                }
                out().print(top.render("  "));
            }
            if (feature != null && f.histogram() != null) {
                printHistogram(f);
            }
        }
        if (feature == null) {
            out().println();
            out().println("Rows per " + s.overTime().bucket() + ": " + s.overTime().points().size() + " buckets. "
                    + "Use --feature F for one feature's histogram, --json for everything.");
        }
    }

    private void printHistogram(FeatureStatistics f) {
        Histogram h = f.histogram();
        out().println();
        out().println("Histogram of " + f.name() + " (" + h.bins().size() + " bins of width " + Numbers.value(h.binWidth())
                + ", " + h.rule() + "):");
        long max = h.bins().stream().mapToLong(Histogram.Bin::count).max().orElse(1);
        TextTable table = new TextTable("FROM", "TO", "ROWS", "");
        for (Histogram.Bin b : h.bins()) {
            int width = max == 0 ? 0 : (int) Math.round(40.0 * b.count() / max);
            table.row(Numbers.value(b.from()), Numbers.value(b.to()), Numbers.count(b.count()), "#".repeat(width));
        }
        out().print(table.render("  "));
    }

    /** Number formats of the statistics commands. */
    static final class Numbers {
        private Numbers() {
        }

        static String count(long n) {
            return String.format(Locale.ROOT, "%,d", n);
        }

        static String value(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return String.format(Locale.ROOT, "%d", (long) v);
            }
            double a = Math.abs(v);
            // Up to 1e15 the digits still read (a mean of epoch seconds: 1700000123.456, not 1.7000e+09).
            return a != 0 && (a < 1e-3 || a >= 1e15) ? String.format(Locale.ROOT, "%.4e", v)
                    : String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        }

        static String percent(long part, long whole) {
            return whole == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
        }
    }
}
