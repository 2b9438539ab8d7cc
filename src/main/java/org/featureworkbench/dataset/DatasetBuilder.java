package org.featureworkbench.dataset;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.featureworkbench.json.DescribeFeatureGroupJson;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.query.DuckDbQueryEngine;
import org.featureworkbench.query.GroupTables;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryException;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.QuerySession;
import org.featureworkbench.query.Sql;
import org.featureworkbench.query.StagedFile;

/**
 * Builds point-in-time training datasets on the query engine (issue 11, ADR 0015): plans, previews,
 * builds with optional splits, writes the manifest, rebuilds from one. The rows are computed and
 * written by DuckDB (COPY), so the Java heap does not grow with the data. Thread-safe: each call
 * has its own session.
 */
public final class DatasetBuilder {
    private final DuckDbQueryEngine engine;
    private final Function<String, FeatureGroup> groups;
    private final Supplier<List<FeatureGroup>> allGroups;
    private final DatasetCatalog catalog;

    /**
     * @param groups     looks a group up by name (throws the catalog's "not found" error)
     * @param allGroups  the catalog's groups now
     * @param datasets   {@code <workspace>/datasets}: where the manifests of built datasets are listed
     */
    public DatasetBuilder(DuckDbQueryEngine engine, Function<String, FeatureGroup> groups,
                          Supplier<List<FeatureGroup>> allGroups, Path datasets) {
        this.engine = engine;
        this.groups = groups;
        this.allGroups = allGroups;
        this.catalog = new DatasetCatalog(datasets);
    }

    private final RepeatedStates repeats = new RepeatedStates();

    /** Checks a definition and returns its SQL and output columns. */
    public DatasetPlan plan(DatasetSpec spec) {
        try (QuerySession session = engine.session(groupsRead(spec))) {
            DatasetSpec fixed = withAsOf(spec, now());
            DatasetSql sql = resolve(session, fixed, new QueryCancellation());
            return new DatasetPlan(sql.shown(fixed.limit()), sql.outputColumns(), fixed.asOf());
        }
    }

    /** The base's first rows as read, for choosing its id and time columns. */
    public QueryResult previewBase(DatasetBase base, int rows, QueryCancellation cancellation) {
        DatasetSpec unfixed = DatasetSpec.of(base, List.of());
        try (QuerySession session = engine.session(groupsRead(unfixed))) {
            DatasetSpec spec = unfixed.withAsOf(now());
            ResolvedBase resolved = new BaseResolver(session, groups, allGroups).resolveForPreview(spec, spec.asOf());
            String with = resolved.withClauses().isEmpty() ? "" : "WITH " + String.join(",\n", resolved.withClauses()) + "\n";
            return session.run(with + "SELECT * FROM (\n" + resolved.source() + "\n) LIMIT " + rows, cancellation);
        }
    }

    /** The dataset's first rows in output order. */
    public QueryResult preview(DatasetSpec spec, int rows, QueryCancellation cancellation) {
        try (QuerySession session = engine.session(groupsRead(spec))) {
            DatasetSpec fixed = withAsOf(spec, now());
            DatasetSql sql = resolve(session, fixed, cancellation);
            new BaseTimeCheck(session, sql, fixed).run(cancellation);
            long limit = fixed.limit() > 0 ? Math.min(fixed.limit(), rows) : rows;
            return session.run(sql.dataset(limit), cancellation);
        }
    }

    /** Builds the dataset into {@code out} (one file, or one per split part) and writes its manifest beside it. */
    public BuiltDataset build(DatasetSpec spec, Path out, DatasetProgress progress, QueryCancellation cancellation) {
        return new Build(spec, out, progress, cancellation, null).run();
    }

    /**
     * Rebuilds a dataset from its manifest: the same options, read as of the same time. Refuses when
     * the base file or a group's identity changed; says whether the files equal the originals.
     *
     * @param out null = the manifest's own output path
     */
    public BuiltDataset rebuild(Path manifestFile, Path out, DatasetProgress progress, QueryCancellation cancellation) {
        DatasetManifest manifest = readManifest(manifestFile);
        new RebuildCheck(manifest, groups).run();
        return new Build(manifest.spec(), out != null ? out : manifest.output(), progress, cancellation, manifest).run();
    }

    public DatasetManifest readManifest(Path manifestFile) {
        if (!java.nio.file.Files.isRegularFile(manifestFile)) {
            throw new ValidationException("--from-manifest", manifestFile.toAbsolutePath() + " does not exist; give the "
                    + ".manifest.json written beside a dataset, or pick one from the workspace's datasets list");
        }
        return ManifestJson.read(manifestFile);
    }

    /** The datasets built in this workspace, newest first. */
    public List<DatasetManifest> list() {
        return catalog.list();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The as-of time defaults to now, taken once the session is open: opening it publishes this
     * process's acknowledged writes, which must count as known at the build time.
     */
    private static DatasetSpec withAsOf(DatasetSpec spec, Instant now) {
        if (spec.asOf() != null && spec.asOf().isAfter(now)) {
            // The store can still change before a future time: such a dataset could never be rebuilt the same.
            throw new ValidationException("--as-of", spec.asOf() + " is in the future; a dataset reads the store as it "
                    + "is now or was before, so give a past time, or none to read as of now");
        }
        return spec.asOf() != null ? spec : spec.withAsOf(now);
    }

    /** Every group the dataset reads: the base group, the groups a base query names, the joined groups. */
    private List<FeatureGroup> groupsRead(DatasetSpec spec) {
        Map<String, FeatureGroup> read = new LinkedHashMap<>();
        DatasetBase base = spec.base();
        if (base.kind() == DatasetBase.Kind.GROUP) {
            FeatureGroup g = groups.apply(base.source());
            read.put(g.name(), g);
        } else if (base.kind() == DatasetBase.Kind.QUERY) {
            if (base.source().isBlank()) {
                throw new ValidationException(BaseResolver.BASE_FIELD, "the base query is empty; write a SELECT that "
                        + "returns a record id and an event time per row");
            }
            var tables = engine.tablesRead(base.source());
            for (FeatureGroup g : allGroups.get()) {
                boolean named = tables.stream().anyMatch(t -> t.equalsIgnoreCase(g.name())
                        || t.equalsIgnoreCase(g.name() + GroupTables.LATEST_SUFFIX));
                if (named && g.definition().offlineStore().enabled()) {
                    read.put(g.name(), g);
                }
            }
        }
        for (JoinedGroup j : spec.joins()) {
            FeatureGroup g = groups.apply(j.group());
            read.put(g.name(), g);
        }
        return new ArrayList<>(read.values());
    }

    private DatasetSql resolve(QuerySession session, DatasetSpec spec, QueryCancellation cancellation) {
        if (spec.recent() < 0 || spec.limit() < 0) {
            throw new ValidationException(spec.recent() < 0 ? "--recent" : "--limit", "must be a positive number (or 0 for all)");
        }
        if (spec.eventFrom() != null && spec.eventTo() != null && spec.eventFrom().isAfter(spec.eventTo())) {
            throw new ValidationException("--event-range", "the range starts (" + spec.eventFrom() + ") after it ends ("
                    + spec.eventTo() + "); write FROM..TO with FROM first");
        }
        ResolvedBase base = new BaseResolver(session, groups, allGroups).resolve(spec, spec.asOf(),
                JoinResolver.joinColumns(spec.joins()));
        List<ResolvedJoin> joins = JoinResolver.resolve(spec.joins(), base, session, groups, spec);
        if (!spec.pointInTime()) {
            return new DatasetSql(base, joins, spec, spec.asOf());
        }
        DatasetSql probe = new DatasetSql(base, joins, spec, spec.asOf());
        List<ResolvedJoin> checked = new ArrayList<>();
        for (ResolvedJoin j : joins) {
            checked.add(j.withRepeats(repeats.find(session, probe, j, cancellation)));
        }
        return new DatasetSql(base, checked, spec, spec.asOf());
    }

    /** One build: its session, its steps, its staged files. */
    private final class Build {
        private DatasetSpec spec;
        private Path out;
        /** Set when a rebuild that differs was written beside the original files instead of over them. */
        private boolean keptOriginal;
        private final DatasetProgress progress;
        private final QueryCancellation cancellation;
        private final DatasetManifest original;
        private final Instant started = Instant.now();

        Build(DatasetSpec spec, Path out, DatasetProgress progress, QueryCancellation cancellation, DatasetManifest original) {
            this.spec = spec;
            this.out = out;
            this.progress = progress == null ? DatasetProgress.NONE : progress;
            this.cancellation = cancellation;
            this.original = original;
        }

        BuiltDataset run() {
            if (out == null) {
                throw new ValidationException("--out", "give the file to write, e.g. --out training.csv");
            }
            OutputFiles outputs = new OutputFiles(out, spec);
            int total = spec.split() == null ? 4 : spec.split().parts().size() + 4;
            progress.step("Bringing the query copy up to date", 0, total);
            List<StagedFile> staged = new ArrayList<>();
            List<FeatureGroup> read = groupsRead(spec);
            try (QuerySession session = engine.session(read)) {
                spec = withAsOf(spec, now());
                outputs.targets().forEach(session::checkTarget);
                DatasetSql sql = resolve(session, spec, cancellation);
                stopIfCancelled();
                progress.step("Checking the base's event times", 1, total);
                BaseTimeCheck.Result baseCheck = new BaseTimeCheck(session, sql, spec).run(cancellation);
                String ran = sql.shown(spec.limit());
                long baseTimes = -1;
                if (spec.split() == null) {
                    progress.step("Joining " + spec.joins().size() + (spec.joins().size() == 1 ? " group" : " groups")
                            + " and writing " + outputs.targets().get(0).getFileName(), 2, total);
                    staged.add(session.copyToStaging(sql.dataset(spec.limit()), spec.format(), cancellation));
                } else {
                    progress.step("Joining " + spec.joins().size() + (spec.joins().size() == 1 ? " group" : " groups"), 2, total);
                    SplitWriter split = new SplitWriter(session, sql, spec);
                    long rows = split.prepare(cancellation);
                    List<String> conditions = split.conditions(rows, cancellation);
                    for (int k = 0; k < conditions.size(); k++) {
                        stopIfCancelled();
                        progress.step("Writing " + outputs.targets().get(k).getFileName(), 3 + k, total);
                        staged.add(split.write(conditions.get(k), spec.format(), cancellation));
                    }
                    if (staged.stream().anyMatch(f -> f.rows() == 0)) {
                        baseTimes = split.distinctTimes(cancellation);
                    }
                    split.dropTable();
                }
                List<String> notes = new DatasetNotes(session, sql, spec).of(staged, outputs.partNames(),
                        baseTimes, baseCheck, cancellation);
                stopIfCancelled();
                progress.step("Writing the manifest", total - 1, total);
                List<ManifestGroup> files = new GroupFiles(session, spec.asOf()).describe(read);
                outputs = besideAnOriginalItDiffersFrom(outputs, staged);
                List<DatasetPart> written = new ArrayList<>();
                for (int k = 0; k < staged.size(); k++) {
                    Path target = outputs.targets().get(k);
                    session.publish(staged.get(k).file(), target);
                    written.add(new DatasetPart(outputs.partNames().get(k), target.toAbsolutePath(), staged.get(k).rows(),
                            FileDigest.sha256(target)));
                }
                staged.clear();
                return finish(outputs, ran, files, written, notes);
            } finally {
                staged.forEach(s -> deleteQuietly(s.file()));
            }
        }

        /**
         * A rebuild into the original's place whose files differ from the original's keeps the
         * original files (a training set people rely on) and goes beside them, named {@code -rebuilt-<time>}.
         */
        private OutputFiles besideAnOriginalItDiffersFrom(OutputFiles outputs, List<StagedFile> staged) {
            if (original == null || !out.toAbsolutePath().normalize().equals(original.output().toAbsolutePath().normalize())) {
                return outputs;
            }
            List<DatasetPart> stagedParts = new ArrayList<>();
            for (int k = 0; k < staged.size(); k++) {
                stagedParts.add(new DatasetPart(outputs.partNames().get(k), staged.get(k).file(), staged.get(k).rows(),
                        FileDigest.sha256(staged.get(k).file())));
            }
            boolean originalStillThere = original.parts().stream().anyMatch(p -> java.nio.file.Files.exists(p.file()));
            if (RebuildCheck.identical(original, stagedParts) || !originalStillThere) {
                return outputs;
            }
            out = OutputFiles.rebuiltBeside(out, started);
            keptOriginal = true;
            return new OutputFiles(out, spec);
        }

        private BuiltDataset finish(OutputFiles files, String ran, List<ManifestGroup> read, List<DatasetPart> written,
                                    List<String> notes) {
            Duration elapsed = Duration.between(started, Instant.now());
            String baseSha = spec.base().kind() == DatasetBase.Kind.FILE ? FileDigest.sha256(Path.of(spec.base().source())) : null;
            if (original != null) {
                String comparison = RebuildCheck.compare(original, written) + (keptOriginal
                        ? "; the original files are kept, the rebuild was written beside them as "
                        + written.stream().map(p -> p.file().getFileName().toString()).collect(
                                java.util.stream.Collectors.joining(", ")) : "");
                boolean identical = RebuildCheck.identical(original, written);
                Path manifest = original.path();
                if (!out.toAbsolutePath().normalize().equals(original.output().toAbsolutePath().normalize())) {
                    // Rebuilt elsewhere: a manifest of its own beside it; the original stays as it was.
                    DatasetManifest copy = new DatasetManifest(newId(), null, started, spec.asOf(), spec, out.toAbsolutePath(),
                            ran, baseSha, read, written);
                    ManifestJson.write(copy, files.manifest());
                    removeOlderManifest(original.path());
                    manifest = files.manifest();
                }
                return new BuiltDataset(manifest, written, spec.asOf(), ran, elapsed, comparison, identical, notes);
            }
            DatasetManifest manifest = new DatasetManifest(newId(), null, started, spec.asOf(), spec, out.toAbsolutePath(),
                    ran, baseSha, read, written);
            ManifestJson.write(manifest, files.manifest());
            removeOlderManifest(null);
            catalog.register(manifest);
            return new BuiltDataset(files.manifest().toAbsolutePath(), written, spec.asOf(), ran, elapsed, null, false,
                    notes);
        }

        /**
         * A manifest of {@code out} under the name manifests had before describes the files just
         * replaced: left there, it would be a stale twin of the new one. Not the manifest this
         * rebuild reads ({@code keep}), wherever it was moved.
         */
        private void removeOlderManifest(Path keep) {
            OutputFiles.olderManifestOf(out)
                    .filter(older -> keep == null || !older.equals(keep.toAbsolutePath().normalize()))
                    .ifPresent(DatasetBuilder::deleteQuietly);
        }

        private String newId() {
            return started.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "").replace("-", "")
                    + "-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
        }

        private void stopIfCancelled() {
            if (cancellation.isCancelled()) {
                throw new QueryException("the build was cancelled; nothing was written");
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            java.nio.file.Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // a leftover staging file is removed with the next clean-up
        }
    }

    /** What each group's offline store held as of the build: its files and their visible rows. */
    private record GroupFiles(QuerySession session, Instant asOf) {
        List<ManifestGroup> describe(List<FeatureGroup> read) {
            List<ManifestGroup> out = new ArrayList<>();
            for (FeatureGroup g : read) {
                GroupTables t = session.tables(g);
                List<ManifestGroup.ManifestFile> files = new ArrayList<>();
                long rows = 0;
                for (Object[] r : session.rows("SELECT " + GroupTables.FILE + ", count(*) FROM " + t.mirrorTable()
                        + " WHERE write_time <= " + Sql.timestamp(asOf) + " GROUP BY 1 ORDER BY 1", new QueryCancellation())) {
                    long n = ((Number) r[1]).longValue();
                    files.add(new ManifestGroup.ManifestFile(String.valueOf(r[0]), n));
                    rows += n;
                }
                out.add(new ManifestGroup(g.name(), g.offlineFolderName(), DescribeFeatureGroupJson.write(g), rows, files));
            }
            return out;
        }
    }
}
