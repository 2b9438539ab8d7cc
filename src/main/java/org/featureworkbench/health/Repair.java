package org.featureworkbench.health;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.offline.OfflineStore;
import org.featureworkbench.online.OnlineStore;
import org.featureworkbench.registry.FeatureGroupCatalog;
import org.featureworkbench.registry.H2FeatureGroupCatalog;
import org.featureworkbench.writepath.JournalInspection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts right what a full check found, in an order where each step can rely on the previous one:
 * unreadable files aside first (so rebuilds never read them), then the catalog (from the
 * definition files), then the online tables (from the offline store, or the online-only backup).
 * One instance per run; not thread-safe.
 */
final class Repair {
    private static final Logger LOG = LoggerFactory.getLogger(Repair.class);

    private final Path workspace;
    private final DataSource database;
    private final Function<DataSource, FeatureGroupCatalog> catalogOf;
    private final OnlineStore online;
    private final OfflineStore offline;
    private final Clock clock;
    private final DamagedFiles damaged;
    private final List<String> repaired = new ArrayList<>();
    private final List<String> movedAside = new ArrayList<>();
    private final List<String> notRestored = new ArrayList<>();

    Repair(Path workspace, DataSource database, Function<DataSource, FeatureGroupCatalog> catalogOf,
           OnlineStore online, OfflineStore offline, Clock clock) {
        this.workspace = workspace;
        this.database = database;
        this.catalogOf = catalogOf;
        this.online = online;
        this.offline = offline;
        this.clock = clock;
        this.damaged = new DamagedFiles(workspace, clock);
    }

    /** Notes made before this run (e.g. the database file set aside) that belong in its report. */
    void note(String what, String movedTo) {
        repaired.add(what);
        if (movedTo != null) {
            movedAside.add(movedTo);
        }
    }

    RepairReport run() {
        HealthReport before = check();
        moveUnreadableFiles(before);
        cutDamagedJournals(before);
        FeatureGroupCatalog catalog = catalogOf.apply(database);
        Set<String> rebuild = new java.util.HashSet<>();
        if (has(before, Finding.Kind.CATALOG_UNREADABLE)) {
            catalog = recreateCatalog(catalog);
        }
        restoreCatalog(catalog, rebuild);
        for (Finding f : before.findings()) {
            if (f.kind() == Finding.Kind.ONLINE_TABLE_MISSING || f.kind() == Finding.Kind.ONLINE_TABLE_DAMAGED) {
                rebuild.add(f.subject());
            }
        }
        List<FeatureGroup> groups = catalog.list(GroupListQuery.ALL);
        for (FeatureGroup g : groups) {
            if (rebuild.contains(g.name()) && g.definition().onlineStore().enabled()) {
                rebuildOnline(g);
            }
        }
        writeDefinitionFiles(groups);
        return new RepairReport(repaired, movedAside, notRestored, check());
    }

    private HealthReport check() {
        return new HealthCheck(workspace, database, catalogOf.apply(database)).full();
    }

    private static boolean has(HealthReport report, Finding.Kind kind) {
        return report.findings().stream().anyMatch(f -> f.kind() == kind);
    }

    private void moveUnreadableFiles(HealthReport report) {
        for (Finding f : report.findings()) {
            if (f.kind() == Finding.Kind.OFFLINE_FILE_DAMAGED || f.kind() == Finding.Kind.DEFINITION_FILE_DAMAGED) {
                Path file = Path.of(f.subject());
                try {
                    Path target = damaged.moveAside(file);
                    movedAside.add(file + " → " + target);
                    if (f.kind() == Finding.Kind.OFFLINE_FILE_DAMAGED) {
                        // Explore's copy of the offline store would otherwise keep the file's rows.
                        offline.fileTakenAway(file);
                        notRestored.add("the rows of " + file.getFileName() + " (the file cannot be read; kept at "
                                + target + ")");
                    }
                } catch (IOException e) {
                    notRestored.add("could not move " + file + " aside: " + e.getMessage());
                }
            }
        }
    }

    private void cutDamagedJournals(HealthReport report) {
        try {
            for (JournalInspection.SegmentState s : JournalInspection.inspect(workspace)) {
                if (s.problem() == JournalInspection.Problem.NONE || s.live()) {
                    continue;
                }
                Path copy = damaged.copyAside(s.segment());
                JournalInspection.truncateToIntactFrames(s);
                movedAside.add(s.segment() + " → " + copy + " (a copy; the segment keeps its " + s.frames()
                        + " intact entries)");
                repaired.add("cut the journal segment " + s.segment().getFileName() + " back to its " + s.frames()
                        + " intact entries");
                if (s.problem() == JournalInspection.Problem.BAD_FRAME) {
                    notRestored.add("the writes recorded after the damage in " + s.segment()
                            + " (their bytes fail their checksum)");
                }
            }
        } catch (IOException e) {
            notRestored.add("could not repair the record journals: " + e.getMessage());
        }
    }

    /** Drops the unreadable catalog table and creates an empty one; the definition files fill it. */
    private FeatureGroupCatalog recreateCatalog(FeatureGroupCatalog current) {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + DatabaseScan.CATALOG_TABLE);
            repaired.add("replaced the unreadable catalog with an empty one");
            return new H2FeatureGroupCatalog(database);
        } catch (SQLException | RuntimeException e) {
            notRestored.add("the catalog (the damaged table cannot be dropped: " + Findings.plain(e)
                    + "); run 'feature-workbench repair --new-database' to set the database file aside");
            return current;
        }
    }

    private void restoreCatalog(FeatureGroupCatalog catalog, Set<String> rebuild) {
        List<FeatureGroup> present;
        try {
            present = catalog.list(GroupListQuery.ALL);
        } catch (RuntimeException e) {
            return;
        }
        DefinitionFiles files = new DefinitionFiles(workspace.resolve("offline-store"));
        for (DefinitionFiles.Entry entry : files.list()) {
            if (present.stream().anyMatch(g -> g.name().equals(entry.groupName()))) {
                continue;
            }
            try {
                FeatureGroup group = DefinitionFiles.read(entry.file());
                catalog.create(withoutRefusedTags(group, entry.file()), group.creationTime());
                repaired.add("restored feature group '" + group.name() + "' in the catalog from "
                        + entry.file().getFileName());
                if (group.definition().onlineStore().enabled()) {
                    rebuild.add(group.name());
                }
            } catch (IOException | RuntimeException e) {
                notRestored.add("feature group '" + entry.groupName() + "' (its definition file cannot be read: "
                        + Findings.plain(e) + ")");
            }
        }
    }

    /**
     * The group's definition without the tags today's rules refuse (an 'aws:' key stored before that
     * check): the catalog would refuse the whole group for them. The definition file keeps them.
     */
    private org.featureworkbench.model.FeatureGroupDefinition withoutRefusedTags(FeatureGroup group, Path file) {
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
        group.definition().tags().forEach((key, value) -> {
            if (org.featureworkbench.model.FeatureGroupValidator.tagProblems(java.util.Map.of(key,
                    value == null ? "" : value)).isEmpty()) {
                kept.put(key, value);
            } else {
                notRestored.add("the tag '" + key + "' of '" + group.name() + "' (AWS reserves its prefix or its "
                        + "characters are not allowed; it stays in " + file.getFileName() + ")");
            }
        });
        return kept.size() == group.definition().tags().size() ? group.definition()
                : group.definition().withTags(kept);
    }

    private void rebuildOnline(FeatureGroup g) {
        try {
            online.dropTable(g);
            online.createTable(g);
        } catch (RuntimeException e) {
            notRestored.add("the online table of '" + g.name() + "' (it cannot be replaced: " + Findings.plain(e)
                    + "); run 'feature-workbench repair --new-database'");
            return;
        }
        if (g.definition().offlineStore().enabled()) {
            try {
                OnlineRebuild.Result r = new OnlineRebuild(database, online, offline, clock).rebuild(g);
                repaired.add("rebuilt the online table of '" + g.name() + "' from its offline store: " + r.records()
                        + " records" + (r.tombstones() > 0 ? ", " + r.tombstones() + " deleted" : "")
                        + (r.expired() > 0 ? ", " + r.expired() + " past their TTL left out" : "")
                        + " (puts made to the online store only, and per-record TTLs, are not in the offline store)");
            } catch (RuntimeException e) {
                LOG.warn("Rebuilding the online table of {} failed", g.name(), e);
                notRestored.add("the online records of '" + g.name() + "': " + e.getMessage());
            }
            return;
        }
        try {
            long rows = new OnlineOnlyBackup(workspace, database, clock).restore(g);
            if (rows < 0) {
                notRestored.add("the online records of '" + g.name() + "' (an online-only group, and no backup "
                        + "holds it); its table is empty now");
            } else {
                repaired.add("restored the online table of '" + g.name() + "' from the online-only backup: " + rows
                        + " records");
                notRestored.add("in '" + g.name() + "': writes made after the last online-only backup");
            }
        } catch (SQLException | RuntimeException e) {
            notRestored.add("the online records of '" + g.name() + "' (the backup cannot be read: "
                    + Findings.plain(e) + "); its table is empty now");
        }
    }

    private void writeDefinitionFiles(List<FeatureGroup> groups) {
        DefinitionFiles files = new DefinitionFiles(workspace.resolve("offline-store"));
        for (FeatureGroup g : groups) {
            if (!java.nio.file.Files.exists(files.fileOf(g))) {
                files.write(g);
                repaired.add("wrote the definition file of '" + g.name() + "'");
            }
        }
    }
}
