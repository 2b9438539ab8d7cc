package org.featureworkbench.cli;

import java.util.Locale;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.stats.DriftReport;
import org.featureworkbench.query.stats.EventWindow;
import org.featureworkbench.query.stats.FeatureDrift;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drift GROUP --reference FROM..TO --current FROM..TO [--json]}: PSI of every feature. */
@Command(name = "drift", description = {"Compare each feature's distribution in two event-time windows of a group.",
        "It uses the population stability index (PSI): < 0.1 stable, 0.1-0.25 moderate, > 0.25 shifted.",
        "Numbers use the reference window's deciles as bins; Strings its top 10 values plus (other)."})
final class DriftCommand extends RecordCommand {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Feature group name.")
    String group;

    @Option(names = "--reference", required = true, paramLabel = "FROM..TO", converter = WindowConverter.class,
            description = "The baseline window of event times, e.g. 2026-11-01..2026-11-15 (a date alone as TO: "
                    + "the whole day).")
    EventWindow reference;

    @Option(names = "--current", required = true, paramLabel = "FROM..TO", converter = WindowConverter.class,
            description = "The window compared with it, e.g. 2026-11-16..2026-11-30.")
    EventWindow current;

    @Option(names = "--json", description = "Print the report as JSON, with each feature's bins and shares.")
    boolean json;

    @Override
    protected void run(FeatureStore store) {
        DriftReport r = store.query().drift(group, reference, current, new QueryCancellation());
        if (json) {
            out().println(StatsJson.write(r));
            return;
        }
        out().println("Drift of " + group + " (history rows, delete markers left out)");
        out().println("  reference " + r.reference() + ": " + StatsCommand.Numbers.count(r.referenceRows()) + " rows");
        out().println("  current   " + r.current() + ": " + StatsCommand.Numbers.count(r.currentRows()) + " rows");
        out().println();
        if (r.features().isEmpty()) {
            out().println("The group has no features besides its record identifier and event time.");
            return;
        }
        TextTable table = new TextTable("FEATURE", "TYPE", "PSI", "READING", "BIGGEST CHANGE");
        for (FeatureDrift d : r.features()) {
            table.row(d.feature(), d.type().awsName(), String.format(Locale.ROOT, "%.4f", d.psi()), d.reading().label(),
                    biggestChange(d));
        }
        out().print(table.render(""));
        out().println();
        out().println("PSI < 0.1 stable, 0.1-0.25 moderate, > 0.25 shifted. --json shows every bin.");
        r.cautions().forEach(c -> root.context().err().println("note: " + c));
    }

    private static String biggestChange(FeatureDrift d) {
        return d.buckets().stream()
                .max((a, b) -> Double.compare(Math.abs(a.currentShare() - a.referenceShare()),
                        Math.abs(b.currentShare() - b.referenceShare())))
                .filter(b -> Math.abs(b.currentShare() - b.referenceShare()) >= 0.0005)
                .map(b -> b.label() + ": " + share(b.referenceShare()) + " -> " + share(b.currentShare()))
                .orElse("");
    }

    private static String share(double s) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * s);
    }
}
