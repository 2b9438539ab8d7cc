package org.featureworkbench.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.featureworkbench.database.ProcessInfo;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.offline.OfflineStore;
import org.featureworkbench.offline.ParquetOfflineStore;
import org.featureworkbench.online.H2OnlineStore;
import org.featureworkbench.online.OnlineStore;
import org.featureworkbench.registry.FeatureGroupCatalog;
import org.featureworkbench.registry.H2FeatureGroupCatalog;
import org.featureworkbench.workspace.Workspace;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code check} and {@code repair} of a workspace (issue 12, ADR 0019), reached through
 * {@code FeatureStore.health()}: whether the database, the catalog, the offline files and the
 * record journals are readable and agree, and rebuilding what can be rebuilt. Also keeps the two
 * things repair needs later: a definition file per group beside its offline folder, and a
 * periodic backup of online-only groups.
 *
 * <p>When the database file cannot be opened at all there is no store; the static
 * {@link #checkWithoutDatabase} and {@link #repairWithNewDatabase} work on the folder then.
 *
 * <p>Thread-safe: checks only read; a repair should run while no other process writes the
 * workspace (it rebuilds tables those processes would write to).
 */
public final class HealthOperations {
    private static final Logger LOG = LoggerFactory.getLogger(HealthOperations.class);

    private final Path workspace;
    private final DataSource database;
    private final FeatureGroupCatalog catalog;
    private final OnlineStore online;
    private final OfflineStore offline;
    private final Clock clock;
    private final DefinitionFiles definitions;
    private final DamageSeen damageSeen;
    private final Supplier<List<Finding>> unfinishedWork;
    private volatile HealthReport opening;

    /**
     * @param database the workspace database, or null when the store was assembled without one
     *                 (then checks skip the database and repair cannot rebuild online tables)
     */
    public HealthOperations(Path workspace, DataSource database, FeatureGroupCatalog catalog, OnlineStore online,
                            OfflineStore offline, Clock clock) {
        this(workspace, database, catalog, online, offline, clock, List::of);
    }

    /**
     * @param unfinishedWork what other parts of the store know is left half done (interrupted
     *                       ingests), reported by {@link #check()} beside what it finds itself
     */
    public HealthOperations(Path workspace, DataSource database, FeatureGroupCatalog catalog, OnlineStore online,
                            OfflineStore offline, Clock clock, Supplier<List<Finding>> unfinishedWork) {
        this.unfinishedWork = unfinishedWork;
        this.workspace = workspace.toAbsolutePath().normalize();
        this.database = database;
        this.catalog = catalog;
        this.online = online;
        this.offline = offline;
        this.clock = clock;
        this.definitions = new DefinitionFiles(this.workspace.resolve("offline-store"));
        this.damageSeen = new DamageSeen(this.workspace);
    }

    /**
     * The quick check made when the workspace opens: the catalog reads, every group with an
     * online store has its table, every group with a definition file is in the catalog. Costs a
     * catalog read and two directory listings; computed once per store.
     */
    public HealthReport atOpening() {
        HealthReport report = opening;
        if (report == null) {
            report = withSightings(new HealthCheck(workspace, database, catalog).quick());
            opening = report;
        }
        return report;
    }

    /**
     * The quick check's findings plus the damage commands met since the last clean check, for
     * groups the quick check found nothing wrong with (a missing table is already its own finding).
     */
    private HealthReport withSightings(HealthReport quick) {
        List<DamageSeen.Sighting> seen;
        try {
            seen = damageSeen.read();
        } catch (RuntimeException e) {
            return quick;
        }
        if (seen.isEmpty()) {
            return quick;
        }
        Set<String> named = quick.findings().stream().map(Finding::subject).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>(quick.findings());
        seen.stream().filter(s -> !named.contains(s.group())).map(Findings::damageSeen).forEach(findings::add);
        return new HealthReport(quick.workspace(), findings, quick.checked() + ", and the damage commands met");
    }

    /**
     * Notes that a command could not read {@code groupName}'s online table, so every later opening
     * of the workspace says so until a check finds no damage or a repair completes. Never fails.
     */
    public void damageMet(String groupName, String message) {
        try {
            // The command's own advice (check, then repair) is the finding's action: keep what failed.
            int advice = message.indexOf(", so its online records");
            damageSeen.record(groupName, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    advice > 0 ? message.substring(0, advice) : message);
            opening = null;
        } catch (RuntimeException e) {
            LOG.warn("Could not note the damage met in {}: {}", groupName, e.getMessage());
        }
    }

    /**
     * Reads every row of every database table: the part of the full check that finds pages of the
     * database file that cannot be read, which the opening check cannot see (H2 reads a page only
     * when a query needs it). The GUI runs it in the background after opening, so a damaged
     * workspace says so before the user meets the damage. About as long as reading the online store once.
     */
    public HealthReport readTables() {
        if (database == null) {
            throw new FeatureStoreException("this store was opened without its database; open the workspace to check it");
        }
        HealthReport report = new HealthCheck(workspace, database, catalog).tables();
        noteDamagedTables(report);
        return report;
    }

    /**
     * The full check: reads every row of every database table, every Parquet footer, every
     * definition file and every journal frame. Takes about as long as reading the online store once.
     */
    public HealthReport check() {
        if (database == null) {
            throw new FeatureStoreException("this store was opened without its database; open the workspace to check it");
        }
        HealthReport found = new HealthCheck(workspace, database, catalog).full();
        List<Finding> all = new ArrayList<>(found.findings());
        all.addAll(unfinishedWork.get());
        HealthReport report = new HealthReport(found.workspace(), all, found.checked());
        forgetSightingsIfClean(report);
        noteDamagedTables(report);
        return report;
    }

    /** Damaged pages a check read are noted like those a command met, so later openings say so. */
    private void noteDamagedTables(HealthReport report) {
        report.findings().stream().filter(f -> f.kind() == Finding.Kind.ONLINE_TABLE_DAMAGED)
                .forEach(f -> damageMet(f.subject(), f.problem()));
    }

    private void forgetSightingsIfClean(HealthReport report) {
        if (!report.damaged()) {
            try {
                damageSeen.clear();
                opening = null;
            } catch (RuntimeException e) {
                LOG.warn("Could not clear the notes of damage met: {}", e.getMessage());
            }
        }
    }

    /**
     * Repairs in place what the full check finds: unreadable files moved into
     * {@code <workspace>/damaged/}, the catalog restored from the definition files, missing or
     * unreadable online tables rebuilt from the offline store (or the online-only backup), torn
     * journal segments of ended processes cut back to their intact entries. When pages of the
     * database file cannot be read it repairs nothing and says so ({@link RepairReport#needsNewDatabase}):
     * close the store and call {@link #repairWithNewDatabase}.
     */
    public RepairReport repair() {
        if (database == null) {
            throw new FeatureStoreException("this store was opened without its database; open the workspace to repair it");
        }
        refuseWhileOthersAreOpen(workspace);
        HealthReport before = check();
        if (before.needsNewDatabase()) {
            // In place, the damaged pages would stay in the file; only a new file gets rid of them.
            return new RepairReport(List.of(), List.of(), java.util.List.of("the database file "
                    + "(pages of it cannot be read, so it must be set aside and built again: close the workbench "
                    + "and every command on this workspace, then run 'feature-workbench repair')"), before);
        }
        RepairReport report = new Repair(workspace, database, ds -> catalog, online, offline, clock).run();
        opening = null;
        if (report.complete()) {
            damageSeen.clear();
        }
        return report;
    }

    /**
     * A repair rebuilds tables and may set the database file aside: a process writing at the same
     * time would lose its writes, or keep writing into the file set aside.
     */
    private static void refuseWhileOthersAreOpen(Path workspace) {
        List<ProcessInfo> others = ProcessInfo.others(workspace);
        if (!others.isEmpty()) {
            throw new FeatureStoreException("repair needs the workspace to itself, but "
                    + others.stream().map(ProcessInfo::describe).collect(Collectors.joining(", "))
                    + (others.size() == 1 ? " has" : " have") + " it open; close " + (others.size() == 1 ? "it" : "them")
                    + " (or let " + (others.size() == 1 ? "it" : "them") + " finish), then repair again");
        }
    }

    /** Called by the facade after a group is created or changed: writes its definition file. */
    public void definitionChanged(FeatureGroup group) {
        try {
            definitions.write(group);
        } catch (java.io.UncheckedIOException e) {
            // The change itself is done; 'check' reports the missing file and 'repair' writes it.
            LOG.warn("Could not write the definition file of {}: {}", group.name(), e.getMessage());
        }
    }

    /** Called by the facade after a group is deleted: marks its definition file as deleted. */
    public void definitionDeleted(FeatureGroup group) {
        try {
            definitions.markDeleted(group);
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Could not mark the definition file of {} as deleted: {}", group.name(), e.getMessage());
        }
    }

    /**
     * Called by the facade at close: backs up the online-only groups' tables when the last backup
     * is older than a minute. Never fails the close (a failure is logged; the old backup stays).
     */
    public void backupIfDue() {
        if (database == null) {
            return;
        }
        OnlineOnlyBackup backup = new OnlineOnlyBackup(workspace, database, clock);
        try {
            if (backup.due() && backup.write(catalog.list(GroupListQuery.ALL))) {
                LOG.info("Backed up the online-only groups to {}", backup.file());
            }
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            LOG.warn("Could not back up the online-only groups (the previous backup stays): {}", e.getMessage());
        }
    }

    /** The full check of a workspace whose database file cannot be opened. */
    public static HealthReport checkWithoutDatabase(Path workspace) {
        Path dir = workspace.toAbsolutePath().normalize();
        return new HealthCheck(dir, null, null).full();
    }

    /**
     * Sets the database file aside into {@code <workspace>/damaged/}, creates a new one, restores
     * the catalog from the definition files and each online table from its offline store (or the
     * online-only backup), and repairs the offline files and journals as {@link #repair} does.
     * Run it while no other process has the workspace open.
     */
    public static RepairReport repairWithNewDatabase(Path workspace) {
        Path dir = workspace.toAbsolutePath().normalize();
        refuseWhileOthersAreOpen(dir);
        Clock clock = Clock.systemUTC();
        Path file = DatabaseDamage.databaseFile(dir);
        String moved = null;
        try {
            if (Files.exists(file)) {
                moved = file + " → " + new DamagedFiles(dir, clock).moveAside(file);
            }
            Path trace = file.resolveSibling("workbench.trace.db");
            if (Files.exists(trace)) {
                new DamagedFiles(dir, clock).moveAside(trace);
            }
            // What commands met was in the file just set aside, not in the new one.
            new DamageSeen(dir).clear();
        } catch (IOException e) {
            throw new FeatureStoreException("could not move the database file " + file + " aside: " + e.getMessage()
                    + "; close every program using the workspace and try again", e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(Workspace.jdbcUrl(dir), "fwb", "");
        H2OnlineStore onlineStore = new H2OnlineStore(pool);
        try {
            Repair repair = new Repair(dir, pool, H2FeatureGroupCatalog::new, onlineStore,
                    new ParquetOfflineStore(dir.resolve("offline-store"), dir.resolve("locks")), clock);
            repair.note("moved the damaged database file aside and created a new one", moved);
            return repair.run();
        } finally {
            onlineStore.close();
            pool.dispose();
        }
    }
}
