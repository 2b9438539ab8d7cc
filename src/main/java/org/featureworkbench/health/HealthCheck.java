package org.featureworkbench.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.registry.FeatureGroupCatalog;
import org.featureworkbench.writepath.JournalInspection;

/**
 * Runs the checks in order — database and catalog, definition files, offline files, journals —
 * and gathers the findings. The quick variant (run at every open) only compares names: catalog
 * groups against online tables and definition files; the full one reads every table row, every
 * Parquet footer, every definition file and every journal frame. Stateless.
 */
final class HealthCheck {
    private final Path workspace;
    private final DataSource database;
    private final FeatureGroupCatalog catalog;

    /** @param database null when the database cannot be opened (then the database checks are one finding) */
    HealthCheck(Path workspace, DataSource database, FeatureGroupCatalog catalog) {
        this.workspace = workspace;
        this.database = database;
        this.catalog = catalog;
    }

    HealthReport quick() {
        List<Finding> findings = new ArrayList<>();
        List<FeatureGroup> groups = catalogGroups(findings);
        if (database != null) {
            findings.addAll(new DatabaseScan(database).scan(groups, false).findings());
        }
        definitionFiles(groups, findings, false);
        return new HealthReport(workspace, findings, "the catalog and the online tables' names");
    }

    /**
     * Reads every row of every database table and nothing else: finds damaged pages, which the
     * quick check cannot see, at the cost of one pass over the online store.
     */
    HealthReport tables() {
        List<Finding> findings = new ArrayList<>();
        List<FeatureGroup> groups = catalogGroups(findings);
        DatabaseScan.Result db = new DatabaseScan(database).scan(groups, true);
        findings.addAll(db.findings());
        return new HealthReport(workspace, findings, db.tablesRead() + " database tables (" + db.rowsRead() + " rows)");
    }

    HealthReport full() {
        List<Finding> findings = new ArrayList<>();
        List<FeatureGroup> groups = null;
        int tables = 0;
        long rows = 0;
        if (database == null) {
            findings.add(Findings.databaseUnopenable(DatabaseDamage.databaseFile(workspace)));
        } else {
            groups = catalogGroups(findings);
            DatabaseScan.Result db = new DatabaseScan(database).scan(groups, true);
            findings.addAll(db.findings());
            tables = db.tablesRead();
            rows = db.rowsRead();
        }
        int definitions = definitionFiles(groups, findings, true);
        OfflineScan.Result offline = new OfflineScan(workspace.resolve("offline-store")).scan();
        findings.addAll(offline.findings());
        int segments = journals(findings);
        return new HealthReport(workspace, findings, (database == null ? "no database (it cannot be opened)"
                : count(tables, "database table") + " (" + count(rows, "row") + ")") + ", "
                + count(definitions, "definition file") + ", " + count(offline.filesRead(), "Parquet file") + ", "
                + count(segments, "journal segment"));
    }

    private static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private List<FeatureGroup> catalogGroups(List<Finding> findings) {
        if (database == null) {
            return null;
        }
        try {
            return catalog.list(GroupListQuery.ALL);
        } catch (RuntimeException e) {
            findings.add(Findings.catalogUnreadable(e));
            return null;
        }
    }

    /** Compares the definition files with the catalog; in a full check reads each file too. */
    private int definitionFiles(List<FeatureGroup> groups, List<Finding> findings, boolean readFiles) {
        DefinitionFiles files = new DefinitionFiles(workspace.resolve("offline-store"));
        List<DefinitionFiles.Entry> entries = files.list();
        if (groups != null) {
            for (DefinitionFiles.Entry e : entries) {
                boolean inCatalog = groups.stream().anyMatch(g -> g.name().equals(e.groupName())
                        && g.creationTime().getEpochSecond() == e.creationEpochSecond());
                // A group re-created under the same name has a newer file; the older one is of a deleted group
                // whose deletion predates definition files being marked, so only the newest file per name counts.
                boolean newest = entries.stream().noneMatch(o -> o.groupName().equals(e.groupName())
                        && o.creationEpochSecond() > e.creationEpochSecond());
                if (!inCatalog && newest && groups.stream().noneMatch(g -> g.name().equals(e.groupName())
                        && g.creationTime().getEpochSecond() > e.creationEpochSecond())) {
                    findings.add(Findings.groupMissing(e));
                }
            }
            if (readFiles) {
                for (FeatureGroup g : groups) {
                    Path file = files.fileOf(g);
                    if (entries.stream().noneMatch(e -> e.file().equals(file))) {
                        findings.add(Findings.definitionFileMissing(g, file));
                    }
                }
            }
        }
        if (readFiles) {
            for (DefinitionFiles.Entry e : entries) {
                try {
                    Objects.requireNonNull(DefinitionFiles.read(e.file()));
                } catch (IOException | RuntimeException bad) {
                    findings.add(Findings.definitionFileUnreadable(e.file(), Findings.plain(bad)));
                }
            }
        }
        return entries.size();
    }

    private int journals(List<Finding> findings) {
        try {
            List<JournalInspection.SegmentState> segments = JournalInspection.inspect(workspace);
            for (JournalInspection.SegmentState s : segments) {
                // A running process's newest segment may end mid-write for a moment: only dead journals' tails count.
                if (s.problem() == JournalInspection.Problem.BAD_FRAME
                        || (s.problem() == JournalInspection.Problem.TORN_TAIL && !s.live())) {
                    findings.add(Findings.journal(s));
                }
            }
            return segments.size();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the record journals in " + workspace.resolve("journal"), e);
        }
    }
}
