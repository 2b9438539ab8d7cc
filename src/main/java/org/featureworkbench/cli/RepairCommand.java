package org.featureworkbench.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.health.DamagedDatabaseException;
import org.featureworkbench.health.HealthOperations;
import org.featureworkbench.health.RepairReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code repair}: rebuild what can be rebuilt; exit 3 when something could not be restored. */
@Command(name = "repair", description = {"Rebuild what 'check' finds damaged, from the offline store and the definition files.",
        "Online tables come from the offline store, the catalog from the definition files beside the",
        "offline folders (with feature metadata, tags and TTL). Unreadable files are moved",
        "into <workspace>/damaged/, never deleted. Close other programs using the workspace first.",
        "Exits 3 when something could not be restored (the report says what)."},
        footer = {"", "Examples:", "  repair", "  repair --new-database"})
final class RepairCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    HelpOption help;

    @Option(names = "--new-database", description = {"Set the database file aside and build a new one even if it",
            "still opens (done anyway when it cannot be opened)."})
    boolean newDatabase;

    @Override
    public Integer call() {
        RepairReport report;
        if (newDatabase) {
            report = HealthOperations.repairWithNewDatabase(root.workspaceDirectory());
        } else {
            try (FeatureStore store = root.openStoreQuietly()) {
                report = store.health().repair();
            } catch (DamagedDatabaseException e) {
                report = null;
            }
            if (report == null || report.needsNewDatabase()) {
                root.context().out().println(report == null
                        ? "The database file cannot be opened; setting it aside and building a new one."
                        : "Pages of the database file cannot be read; setting it aside and building a new one.");
                report = HealthOperations.repairWithNewDatabase(root.workspaceDirectory());
            }
        }
        print(report, root.context().out());
        return report.complete() ? 0 : CheckCommand.DAMAGED;
    }

    static void print(RepairReport report, PrintStream out) {
        if (report.repaired().isEmpty() && report.movedAside().isEmpty()) {
            out.println("Nothing to repair.");
        }
        report.repaired().forEach(r -> out.println("Repaired: " + r + "."));
        report.movedAside().forEach(m -> out.println("Moved aside: " + m));
        report.notRestored().forEach(n -> out.println("Not restored: " + n + "."));
        out.println();
        CheckCommand.print(report.after(), out);
    }
}
