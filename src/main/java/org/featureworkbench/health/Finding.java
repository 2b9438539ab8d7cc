package org.featureworkbench.health;

/**
 * One thing {@code check} found, in words a user can act on.
 *
 * @param kind    what was found (repair acts on it)
 * @param subject what it is about: a group name or a file path
 * @param problem what is wrong, e.g. "the online table of 'orders' cannot be read"
 * @param meaning what it means for the data, e.g. "get and batch-get of 'orders' fail"
 * @param action  what to do, e.g. "run 'feature-workbench repair'"
 */
public record Finding(Kind kind, String subject, String problem, String meaning, String action) {

    /** How bad a finding is: damage makes {@code check} exit non-zero. */
    public enum Severity {
        DAMAGE, WARNING
    }

    /** The kinds of findings; each knows its severity. */
    public enum Kind {
        /** The database file cannot be opened at all. */
        DATABASE_UNREADABLE(Severity.DAMAGE),
        /** The catalog table cannot be read. */
        CATALOG_UNREADABLE(Severity.DAMAGE),
        /** A definition file names a live group that the catalog lacks. */
        GROUP_MISSING_FROM_CATALOG(Severity.DAMAGE),
        /** A group with an online store has no online table. */
        ONLINE_TABLE_MISSING(Severity.DAMAGE),
        /** Reading every row of an online table failed. */
        ONLINE_TABLE_DAMAGED(Severity.DAMAGE),
        /**
         * A command met a damaged online table since the last clean check (the opening check's way
         * to know of damaged pages, which only a read finds).
         */
        ONLINE_TABLE_DAMAGE_SEEN(Severity.DAMAGE),
        /** A Parquet file whose footer cannot be read (truncated or overwritten). */
        OFFLINE_FILE_DAMAGED(Severity.DAMAGE),
        /** A journal segment whose bytes changed after they were written. */
        JOURNAL_DAMAGED(Severity.DAMAGE),
        /** A journal segment that ends inside a frame (a crash during a write). */
        JOURNAL_TORN(Severity.WARNING),
        /** A group without its definition file (created before they were kept). */
        DEFINITION_FILE_MISSING(Severity.WARNING),
        /** A definition file that cannot be read. */
        DEFINITION_FILE_DAMAGED(Severity.WARNING),
        /** An online table that belongs to no group in the catalog. */
        ORPHAN_ONLINE_TABLE(Severity.WARNING),
        /**
         * An ingest whose process ended before it did: part of its file is not stored (or not online)
         * until it is resumed. Not damage; repair leaves it to a resume.
         */
        INGEST_INTERRUPTED(Severity.WARNING);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }
    }

    public Severity severity() {
        return kind.severity();
    }

    public boolean isDamage() {
        return severity() == Severity.DAMAGE;
    }

    /** {@code DAMAGE  problem — meaning. What to do: action.} on one line. */
    @Override
    public String toString() {
        return severity() + "  " + problem + " — " + meaning + ". What to do: " + action + ".";
    }
}
