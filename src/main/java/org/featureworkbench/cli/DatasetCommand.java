package org.featureworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.dataset.BuiltDataset;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.dataset.DatasetPart;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.DatasetSplit;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.query.QueryCancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dataset}: a point-in-time training dataset from a base and joined groups, or a rebuild from its manifest. */
@Command(name = "dataset", sortOptions = false, description = {
        "Build a point-in-time training dataset from base rows and the groups they join.",
        "Each base row (a record id and an event time T) gets, from every joined group, the state of that",
        "record at T as the store knew it at the as-of time.",
        "Writes CSV or Parquet (one file per split part) and FILE.manifest.json beside it;",
        "'dataset --from-manifest FILE.manifest.json' rebuilds the same files later.",
        "Example:",
        "  dataset --base events.csv --base-id customer_id --base-time event_time \\",
        "      --join customers --join orders:total,count --out training.csv"})
final class DatasetCommand extends RecordCommand {
    @Option(names = "--base", paramLabel = "FILE|GROUP|SQL",
            description = "The base rows: a CSV or Parquet file, a feature group, or a SELECT over the groups' views.")
    String base;

    @Option(names = "--base-id", paramLabel = "COL", description = "Base column of record ids (a group base: its record identifier).")
    String baseId;

    @Option(names = "--base-time", paramLabel = "COL",
            description = "Base column of event times, ISO-8601 or epoch seconds (a group base: its event time).")
    String baseTime;

    @Option(names = "--join", paramLabel = "GROUP[:f1,f2]",
            description = "A group to join (repeat for more); default features: all but its record identifier.")
    List<String> joins = new ArrayList<>();

    @Option(names = "--on", paramLabel = "GROUP=BASECOL", description = "Match GROUP's record id to this base column (default --base-id).")
    List<String> on = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "T", converter = Arguments.InstantConverter.class,
            description = "Read every group as the store knew it at T (write_time <= T). Default: now.")
    Instant asOf;

    @Option(names = "--lookback", paramLabel = "GROUP=7d", description = "A state older than T minus this window counts as missing.")
    List<String> lookbacks = new ArrayList<>();

    @Option(names = "--event-range", paramLabel = "FROM..TO", converter = EventRangeConverter.class,
            description = "Only base rows with event time in FROM..TO (a date alone as TO: its whole day); "
                    + "FROM.. or ..TO leaves one end open.")
    EventRangeConverter.Range eventRange;

    @Option(names = "--include-deleted", description = "Ignore delete markers, as if never written: a deleted record keeps its last values; a group base lists no marker rows.")
    boolean includeDeleted;

    @Option(names = "--include-duplicates", description = "A group base keeps every stored row, not only the last per (id, event time).")
    boolean includeDuplicates;

    @Option(names = "--recent", paramLabel = "N", description = "Only the N most recent base rows per record id.")
    int recent;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (the first in output order: by event time).")
    long limit;

    @Option(names = "--no-point-in-time", description = "Join each group's latest state instead of its state at T.")
    boolean noPointInTime;

    @Option(names = "--split", paramLabel = "PART=F,…", description = "Cut into parts, e.g. train=0.8,validation=0.1,test=0.1.")
    String split;

    @Option(names = "--split-by", paramLabel = "time|random", defaultValue = "time",
            description = "time (default): later parts strictly later; random: seeded shuffle.")
    String splitBy;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of a random split (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write (with --split: FILE-<part>.EXT).")
    Path out;

    @Option(names = "--format", paramLabel = "csv|parquet", description = "Default: from --out's extension (.parquet), else CSV.")
    String format;

    @Option(names = "--print-sql", description = "Print the SQL that produces the rows (without --out: print only).")
    boolean printSql;

    @Option(names = "--from-manifest", paramLabel = "FILE", description = "Rebuild the dataset a manifest describes.")
    Path manifest;

    private DatasetSpec spec;

    /** Every check here is of the options alone: a failure is a usage error (exit 2). */
    @Override
    protected void prepare() {
        try {
            checkOptions();
        } catch (ValidationException e) {
            throw OptionNames.usageError(super.spec, e);
        }
    }

    private void checkOptions() {
        if (manifest != null) {
            if (base != null || !joins.isEmpty()) {
                throw new ValidationException("--from-manifest", "a rebuild takes its base and groups from the manifest; "
                        + "drop --base and --join (only --out may change)");
            }
            return;
        }
        if (base == null || base.isBlank()) {
            throw new ValidationException("--base", "give the base rows: a CSV or Parquet file, a feature group or a query");
        }
        if (joins.isEmpty()) {
            throw new ValidationException("--join", "join at least one feature group, e.g. --join customers");
        }
        if (out == null && !printSql) {
            throw new ValidationException("--out", "give the file to write, e.g. --out training.csv (or --print-sql to see the SQL)");
        }
        if (recent < 0 || limit < 0) {
            throw new ValidationException(recent < 0 ? "--recent" : "--limit", "must be a positive number");
        }
        ExportFormat fileFormat = ExportFormat.choose(format, out, "--format", "--out");
        DatasetSplit parts = null;
        if (split != null) {
            String by = splitBy.strip().toLowerCase(Locale.ROOT);
            if (!by.equals("time") && !by.equals("random")) {
                throw new ValidationException("--split-by", "'" + splitBy + "' is not a split order; use time or random");
            }
            parts = DatasetSplit.parse(split, by.equals("time") ? DatasetSplit.Mode.BY_TIME : DatasetSplit.Mode.RANDOM, seed, "--split");
        }
        spec = new DatasetSpec(DatasetBase.group("?"), DatasetArguments.joins(joins, on, lookbacks), asOf,
                eventRange == null ? null : eventRange.from(), eventRange == null ? null : eventRange.to(),
                includeDeleted, includeDuplicates, recent, limit, !noPointInTime, parts, fileFormat);
    }

    @Override
    protected void run(FeatureStore store) {
        QueryCancellation cancellation = new QueryCancellation();
        Thread stopper = new Thread(cancellation::cancel, "dataset-cancel");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            BuiltDataset built;
            if (manifest != null) {
                built = store.datasets().rebuild(manifest, out, this::progress, cancellation);
            } else {
                DatasetSpec full = new DatasetSpec(baseOf(store), spec.joins(), spec.asOf(), spec.eventFrom(), spec.eventTo(),
                        spec.includeDeleted(), spec.includeDuplicates(), spec.recent(), spec.limit(), spec.pointInTime(),
                        spec.split(), spec.format());
                if (printSql) {
                    out().println(store.datasets().plan(full).sql());
                    if (out == null) {
                        return;
                    }
                }
                built = store.datasets().build(full, out, this::progress, cancellation);
            }
            report(built);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
    }

    /** A path that exists is a file base; a group's name a group base; anything else a query. */
    private DatasetBase baseOf(FeatureStore store) {
        String text = base.strip();
        if (looksLikePath(text) && Files.exists(Path.of(text))) {
            return DatasetBase.file(Path.of(text), baseId, baseTime);
        }
        boolean group = store.listFeatureGroups(GroupListQuery.ALL).stream().anyMatch(g -> g.name().equals(text));
        if (group) {
            if (baseId != null || baseTime != null) {
                throw new ValidationException(baseId != null ? "--base-id" : "--base-time", "a group base uses its own "
                        + "record identifier and event time; drop --base-id and --base-time");
            }
            return DatasetBase.group(text);
        }
        if (text.matches("(?s).*\\s.*")) {
            // Anything with a space is meant as a query: the read-only guard says what is wrong with it.
            return DatasetBase.query(text, baseId, baseTime);
        }
        throw new ValidationException("--base", "'" + text + "' is neither a file, a feature group nor a query; give a CSV "
                + "or Parquet file path, a group name (see 'group list') or a SELECT statement");
    }

    private static boolean looksLikePath(String text) {
        try {
            Path.of(text);
            return text.length() < 4096 && !text.contains("\n");
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private void progress(String step, int done, int total) {
        root.context().err().println("[" + (done + 1) + "/" + total + "] " + step + "…");
    }

    private void report(BuiltDataset built) {
        if (built.comparison() != null) {
            out().println("Rebuilt as of " + built.asOf() + ": " + built.comparison());
        } else {
            out().println("Built " + rows(built.rows()) + " as of " + built.asOf() + " in "
                    + String.format(Locale.ROOT, "%.1f s", built.elapsed().toMillis() / 1000.0));
        }
        for (DatasetPart p : built.parts()) {
            out().println("  " + p.name() + ": " + p.file() + " (" + rows(p.rows()) + ")");
        }
        out().println("Manifest: " + built.manifest());
        built.notes().forEach(n -> root.context().err().println("note: " + n));
    }

    private static String rows(long n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " row" : " rows");
    }
}
