package org.featureworkbench.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.health.DamagedDatabaseException;
import org.featureworkbench.health.Finding;
import org.featureworkbench.health.HealthOperations;
import org.featureworkbench.health.HealthReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code check}: verify the workspace; exit 3 when anything is damaged. */
@Command(name = "check", description = {"Verify the workspace's database, catalog, offline files and record journals.",
        "Reads every online table, the catalog against the offline folders, every Parquet file's footer",
        "and every journal entry.",
        "Prints each finding with what it means and what to do; exits 3 when something is damaged."},
        footer = {"", "Examples:", "  check", "  check --workspace ~/fw && echo healthy"})
final class CheckCommand implements Callable<Integer> {
    /** Exit code when the check found damage (1 is a failure to run, 2 a usage error). */
    static final int DAMAGED = 3;

    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        HealthReport report;
        try (FeatureStore store = root.openStoreQuietly()) {
            report = store.health().check();
        } catch (DamagedDatabaseException e) {
            report = HealthOperations.checkWithoutDatabase(root.workspaceDirectory());
        }
        print(report, root.context().out());
        return report.damaged() ? DAMAGED : 0;
    }

    static void print(HealthReport report, PrintStream out) {
        out.println("Checked " + report.workspace() + ": " + report.checked() + ".");
        if (report.healthy()) {
            out.println("No damage found.");
            return;
        }
        for (Finding f : report.findings()) {
            out.println();
            out.println(f.severity() + "  " + f.problem());
            out.println("  What it means: " + f.meaning() + ".");
            out.println("  What to do:    " + f.action() + ".");
        }
        long damage = report.findings().stream().filter(Finding::isDamage).count();
        out.println();
        out.println(damage == 0 ? "No damage found; " + report.findings().size() + " warning(s)."
                : damage + " damaged part(s) found; run 'feature-workbench repair'.");
    }
}
