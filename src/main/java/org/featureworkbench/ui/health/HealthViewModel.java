package org.featureworkbench.ui.health;

import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.health.Finding;
import org.featureworkbench.health.HealthReport;
import org.featureworkbench.health.RepairReport;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * The "Check workspace" page: runs {@code check} in the background and lists its findings; the
 * Repair command (after a confirmation) runs {@code repair} and lists what it did and what it could
 * not restore. Shown by itself when the workspace opens damaged. All properties change on the UI
 * thread (through the {@link TaskExecutor}).
 */
public final class HealthViewModel {
    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Runnable afterRepair;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<String> repairLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Check reads every table, Parquet footer and journal entry of the workspace.");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working", false);
    private final ReadOnlyBooleanWrapper damaged = new ReadOnlyBooleanWrapper(this, "damaged", false);
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(this, "checked", false);
    private final BooleanBinding canRepair;
    /** Closes this store and repairs into a new database file; null when nobody can (e.g. in tests). */
    private Runnable newDatabaseRepair;

    /** @param afterRepair runs on the UI thread after a repair (e.g. reload the group list) */
    public HealthViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs, Runnable afterRepair) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        this.afterRepair = afterRepair;
        canRepair = damaged.getReadOnlyProperty().and(working.getReadOnlyProperty().not());
    }

    /**
     * What Repair does when pages of the database file cannot be read: the app closes the
     * workspace, sets the file aside, builds a new one (ADR 0019) and opens the workspace again.
     * Without it, the page says to close the workbench and run {@code repair}.
     */
    public void onNewDatabaseNeeded(Runnable closeRepairAndReopen) {
        this.newDatabaseRepair = closeRepairAndReopen;
    }

    /** Runs the full check. */
    public void check() {
        working.set(true);
        summary.set("Checking the workspace…");
        executor.execute(() -> store.health().check(), report -> {
            working.set(false);
            show(report);
        }, e -> {
            working.set(false);
            summary.set("The check could not finish.");
            dialogs.showError("Could not check the workspace", e.getMessage(), e);
        });
    }

    /** Shows a report (e.g. the quick check made when the workspace opened). */
    public void show(HealthReport report) {
        findings.setAll(report.findings());
        damaged.set(report.damaged());
        checked.set(true);
        summary.set(describe(report));
    }

    /** Asks, then repairs; the page then shows what was done and the check after it. */
    public void repair() {
        if (!dialogs.confirm("Repair the workspace", "Repair rebuilds the damaged online tables from the offline "
                + "store and the catalog from the definition files; files it cannot read are moved into the "
                + "workspace's 'damaged' folder, never deleted. Close other programs using this workspace first.",
                "Repair")) {
            return;
        }
        working.set(true);
        summary.set("Repairing the workspace…");
        executor.execute(() -> store.health().repair(), this::repaired, e -> {
            working.set(false);
            summary.set("The repair could not finish.");
            dialogs.showError("Could not repair the workspace", e.getMessage(), e);
        });
    }

    /** Shows what a repair did; one that needs a new database file offers to make it (the app restarts the workspace). */
    void repaired(RepairReport report) {
        working.set(false);
        if (report.needsNewDatabase() && newDatabaseRepair != null) {
            repairLines.setAll("Pages of the database file cannot be read: it must be set aside and built again.");
            show(report.after());
            if (dialogs.confirm("Repair with a new database file", "Pages of the workspace database cannot be read, "
                    + "so repairing it in place would leave the damage in the file. The workbench will close the "
                    + "workspace, move the database file into the workspace's 'damaged' folder (nothing is deleted), "
                    + "build a new one from the definition files and the offline stores, and open the workspace "
                    + "again. Writes to online-only groups since their last backup cannot be restored. Close other "
                    + "programs using this workspace first.", "Close and repair")) {
                newDatabaseRepair.run();
            }
            return;
        }
        repairLines.setAll(lines(report));
        show(report.after());
        if (!report.notRestored().isEmpty()) {
            // "No damage found" alone would read as if nothing was lost: the check after a repair finds none left.
            summary.set("Repaired: no damage is left, but some data could not be restored (see the list below). "
                    + summary.get());
        }
        afterRepair.run();
    }

    static List<String> lines(RepairReport report) {
        List<String> lines = new java.util.ArrayList<>();
        report.repaired().forEach(r -> lines.add("Repaired: " + r));
        report.movedAside().forEach(m -> lines.add("Moved aside: " + m));
        report.notRestored().forEach(n -> lines.add("Not restored: " + n));
        if (lines.isEmpty()) {
            lines.add("Nothing needed repair.");
        }
        return lines;
    }

    static String describe(HealthReport report) {
        long damage = report.findings().stream().filter(Finding::isDamage).count();
        long warnings = report.findings().size() - damage;
        if (report.healthy()) {
            return "No damage found. Checked " + report.checked() + ".";
        }
        return (damage == 0 ? "No damage" : damage + (damage == 1 ? " damaged part" : " damaged parts"))
                + (warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings"))
                + ". Checked " + report.checked() + ".";
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** What the last repair did, one line each. */
    public ObservableList<String> repairLines() {
        return repairLines;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Whether a report is shown (the empty list then means "nothing found", not "not checked yet"). */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    /** A finding's advice as the page gives it: the page has its own Repair button. */
    public static String actionText(Finding f) {
        return f.action().replace("run 'feature-workbench repair'", "press Repair");
    }

    public ReadOnlyBooleanProperty damagedProperty() {
        return damaged.getReadOnlyProperty();
    }

    public BooleanBinding canRepairProperty() {
        return canRepair;
    }
}
