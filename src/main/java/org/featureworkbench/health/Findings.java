package org.featureworkbench.health;

import java.nio.file.Path;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.writepath.JournalInspection;

/** The words of every finding, in one place so they stay consistent. Stateless. */
final class Findings {
    private static final String REPAIR = "run 'feature-workbench repair'";

    private Findings() {
    }

    static Finding databaseUnopenable(Path file) {
        return new Finding(Finding.Kind.DATABASE_UNREADABLE, file.toString(),
                "the workspace database " + file + " is damaged and cannot be opened",
                "no command can read the catalog or the online store; the offline files are not affected",
                REPAIR + ": it moves the file aside, creates a new one and restores the catalog from the "
                        + "definition files and each online store from its offline store");
    }

    static Finding databaseUnreadable(Exception e) {
        return new Finding(Finding.Kind.DATABASE_UNREADABLE, "database",
                "the workspace database cannot be read (" + plain(e) + ")",
                "no command can read the catalog or the online store", REPAIR);
    }

    static Finding catalogUnreadable(Exception e) {
        return new Finding(Finding.Kind.CATALOG_UNREADABLE, DatabaseScan.CATALOG_TABLE,
                "the feature group catalog cannot be read (" + plain(e) + ")",
                "group list, describe and every command on a group fail or miss groups",
                REPAIR + ": it rebuilds the catalog from the definition files beside the offline folders");
    }

    static Finding groupMissing(DefinitionFiles.Entry entry) {
        return new Finding(Finding.Kind.GROUP_MISSING_FROM_CATALOG, entry.groupName(),
                "feature group '" + entry.groupName() + "' has a definition file (" + entry.file().getFileName()
                        + ") but is missing from the catalog",
                "the group does not appear in 'group list' and its data cannot be read",
                REPAIR + ": it restores the group from its definition file");
    }

    static Finding onlineTableMissing(FeatureGroup g) {
        return new Finding(Finding.Kind.ONLINE_TABLE_MISSING, g.name(),
                "the online table of feature group '" + g.name() + "' is missing",
                "get, batch-get and put on '" + g.name() + "' fail",
                g.definition().offlineStore().enabled()
                        ? REPAIR + ": it rebuilds the table from the group's offline store"
                        : REPAIR + ": the group has no offline store, so its table is restored from the last "
                        + "online-only backup (writes after it are lost)");
    }

    static Finding orphanTable(String table) {
        return new Finding(Finding.Kind.ORPHAN_ONLINE_TABLE, table,
                "the database holds the online table " + table + " of no group in the catalog",
                "it takes space but no command reads it", "nothing, unless the group is missing from the catalog too");
    }

    static Finding damageSeen(DamageSeen.Sighting seen) {
        return new Finding(Finding.Kind.ONLINE_TABLE_DAMAGE_SEEN, seen.group(),
                "a command met damage in the online table of feature group '" + seen.group() + "' at "
                        + seen.time() + " (" + seen.message() + ")",
                "get and batch-get of '" + seen.group() + "' may fail or miss records",
                "run 'feature-workbench check' to see everything affected, then 'feature-workbench repair'");
    }

    static Finding tableUnreadable(String table, FeatureGroup group, Exception e) {
        if (table.equals(DatabaseScan.CATALOG_TABLE)) {
            return catalogUnreadable(e);
        }
        if (group == null) {
            return new Finding(Finding.Kind.ONLINE_TABLE_DAMAGED, table,
                    "the table " + table + " of the workspace database cannot be read (" + plain(e) + ")",
                    "commands that need it fail", REPAIR);
        }
        return new Finding(Finding.Kind.ONLINE_TABLE_DAMAGED, group.name(),
                "the online table of feature group '" + group.name() + "' cannot be read (" + plain(e) + ")",
                "get and batch-get of '" + group.name() + "' may fail or miss records",
                group.definition().offlineStore().enabled()
                        ? REPAIR + ": it rebuilds the table from the group's offline store"
                        : REPAIR + ": the group has no offline store, so its table is restored from the last "
                        + "online-only backup (writes after it are lost)");
    }

    static Finding parquetUnreadable(Path file, String why) {
        return new Finding(Finding.Kind.OFFLINE_FILE_DAMAGED, file.toString(),
                "the Parquet file " + file + " cannot be read (" + why + ")",
                "queries, datasets and statistics over its group fail while it is there; its rows are lost "
                        + "unless you have a copy",
                REPAIR + ": it moves the file into <workspace>/damaged/ (never deletes it)");
    }

    static Finding definitionFileMissing(FeatureGroup g, Path file) {
        return new Finding(Finding.Kind.DEFINITION_FILE_MISSING, g.name(),
                "feature group '" + g.name() + "' has no definition file (" + file.getFileName() + ")",
                "if the catalog were lost, repair could not restore this group", REPAIR + " (it writes the file)");
    }

    static Finding definitionFileUnreadable(Path file, String why) {
        return new Finding(Finding.Kind.DEFINITION_FILE_DAMAGED, file.toString(),
                "the definition file " + file + " cannot be read: " + why,
                "if the catalog were lost, repair could not restore this group from it",
                REPAIR + ": it moves the file into <workspace>/damaged/ and writes it again from the catalog");
    }

    static Finding journal(JournalInspection.SegmentState s) {
        if (s.problem() == JournalInspection.Problem.TORN_TAIL) {
            return new Finding(Finding.Kind.JOURNAL_TORN, s.segment().toString(),
                    "the journal segment " + s.segment() + " ends inside a write (" + s.frames()
                            + " whole entries, then " + (s.bytes() - s.goodBytes()) + " bytes of a cut one)",
                    "a process stopped while writing; that last write was never acknowledged, nothing is lost",
                    "nothing, or " + REPAIR + " to cut the segment back to its whole entries");
        }
        return new Finding(Finding.Kind.JOURNAL_DAMAGED, s.segment().toString(),
                "the journal segment " + s.segment() + " is damaged after " + s.frames() + " entries ("
                        + (s.bytes() - s.goodBytes()) + " bytes fail their checksum)",
                "writes recorded after the damage cannot be replayed; the online and offline stores may lack them",
                REPAIR + ": it keeps a copy in <workspace>/damaged/ and cuts the segment back to its intact entries");
    }

    /** The storage engine's message without its class names and codes. */
    static String plain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (DatabaseDamage.isDamage(e)) {
            return "a page of the database file cannot be read";
        }
        String message = String.valueOf(root.getMessage());
        int bracket = message.indexOf(" [");
        message = bracket > 0 ? message.substring(0, bracket) : message;
        return message.replaceAll("([a-z]+\\.)+[A-Z][A-Za-z]+(Exception|Error): ?", "").strip();
    }
}
