package org.featureworkbench.dataset;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.featureworkbench.dataset.reference.BaseTable;
import org.featureworkbench.dataset.reference.GroupHistory;
import org.featureworkbench.dataset.reference.HistoryRow;
import org.featureworkbench.model.FeatureType;

/**
 * Random dataset specs over one written store: file bases (CSV or Parquet; ISO or epoch-second
 * times; duplicate rows, unmatched ids), group bases or query bases, 1–4 joined groups with chosen features, keys and lookbacks,
 * and every option of the spec.
 */
final class RandomCases {
    private static final Duration[] LOOKBACKS = {Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(999),
        Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofHours(1), Duration.ofSeconds(3601)};

    /**
     * One generated case.
     *
     * @param file the entity file's rows when the base is a file (also written to {@code csv}), else null
     * @param tags what the case exercises, for the coverage check
     */
    record Case(DatasetSpec spec, BaseTable file, Path csv, int baseTimeColumn, Set<String> tags) {
        String describe() {
            if (file == null) {
                return spec.toString();
            }
            StringBuilder text = new StringBuilder(spec.toString()).append("\nbase ")
                    .append(csv == null ? "query result" : "file " + csv.getFileName()).append(":\n").append(file.columns());
            file.rows().forEach(row -> text.append('\n').append(row));
            return text.toString();
        }
    }

    private final List<RandomGroups.Shape> groups;
    private final RandomHistory.Phases phases;
    private final List<Instant> writeTimes;
    private final Map<String, GroupHistory> histories;
    private final Path dir;
    private final Random random;
    private final BaseFiles files;

    /**
     * @param writeTimes every distinct write_time in the store (for as-of cut-offs exactly on one)
     * @param histories  every group's stored rows (what a query base reads)
     */
    RandomCases(List<RandomGroups.Shape> groups, RandomHistory.Phases phases, List<Instant> writeTimes,
                Map<String, GroupHistory> histories, Path dir, Random random, BaseFiles files) {
        this.groups = groups;
        this.phases = phases;
        this.writeTimes = writeTimes;
        this.histories = histories;
        this.dir = dir;
        this.random = random;
        this.files = files;
    }

    Case next(int index) {
        Set<String> tags = new TreeSet<>();
        int kind = random.nextInt(20);
        boolean groupBase = kind < 6;
        boolean queryBase = kind >= 6 && kind < 8;
        RandomGroups.Shape baseGroup = groupBase || queryBase ? groups.get(random.nextInt(groups.size())) : null;
        BaseTable file = groupBase || queryBase ? null : file(tags);
        Path csv = null;
        DatasetBase base;
        int timeColumn;
        if (groupBase) {
            base = DatasetBase.group(baseGroup.name());
            timeColumn = 1;
            tags.add("base=group");
        } else if (queryBase) {
            base = DatasetBase.query(QUERY.formatted(baseGroup.idName(), baseGroup.timeName(), baseGroup.name()),
                    "entity", "t");
            timeColumn = 1;
            tags.add("base=query");
        } else {
            if (random.nextInt(4) == 0) {
                file = typedForParquet(file, tags);
                csv = dir.resolve("base-" + index + ".parquet");
                files.parquet(file, parquetTimeType(file), csv);
            } else {
                csv = dir.resolve("base-" + index + ".csv");
                BaseFiles.csv(file, csv);
            }
            base = DatasetBase.file(csv, file.idColumn(), file.timeColumn());
            timeColumn = file.column(file.timeColumn());
        }
        boolean pointInTime = random.nextInt(10) > 0;
        DatasetSpec spec = DatasetSpec.of(base, joins(baseGroup, pointInTime, tags))
                .withPointInTime(pointInTime)
                .withIncludeDeleted(random.nextInt(4) == 0)
                .withIncludeDuplicates(random.nextInt(10) < 3)
                .withAsOf(asOf(tags));
        if (random.nextInt(5) == 0) {
            Instant a = random.nextBoolean() ? RandomTimes.next(random) : null;
            Instant b = random.nextBoolean() ? RandomTimes.next(random) : null;
            boolean swap = a != null && b != null && a.isAfter(b);
            spec = spec.withEventRange(swap ? b : a, swap ? a : b);
            tags.add("event-range");
        }
        if (random.nextInt(7) == 0) {
            spec = spec.withRecent(1 + random.nextInt(3));
            tags.add("recent");
        }
        if (random.nextInt(7) == 0) {
            spec = spec.withLimit(1 + random.nextInt(20));
            tags.add("limit");
        }
        if (queryBase) {
            file = queryResult(baseGroup, spec.asOf());
        }
        tags.add(pointInTime ? "point-in-time" : "point-in-time=false");
        if (spec.includeDeleted()) {
            tags.add("include-deleted");
        }
        if (spec.includeDuplicates() && groupBase) {
            tags.add("include-duplicates");
        }
        return new Case(spec, file, csv, timeColumn, tags);
    }

    private List<JoinedGroup> joins(RandomGroups.Shape baseGroup, boolean pointInTime, Set<String> tags) {
        List<RandomGroups.Shape> eligible = new ArrayList<>();
        for (RandomGroups.Shape g : groups) {
            // A group base's id joins groups whose record ids have its type; a file has a column for each type.
            if (baseGroup == null || g.integralId() == baseGroup.integralId()) {
                eligible.add(g);
            }
        }
        Collections.shuffle(eligible, random);
        List<RandomGroups.Shape> chosen = eligible.subList(0, 1 + random.nextInt(Math.min(4, eligible.size())));
        Set<FeatureType> timeTypes = new TreeSet<>();
        if (baseGroup != null) {
            timeTypes.add(baseGroup.timeType());
        }
        List<JoinedGroup> joins = new ArrayList<>();
        for (RandomGroups.Shape g : chosen) {
            timeTypes.add(g.timeType());
            JoinedGroup join = JoinedGroup.of(g.name());
            if (random.nextBoolean()) {
                List<String> features = new ArrayList<>(g.valueNames());
                features.add(g.timeName());
                Collections.shuffle(features, random);
                join = join.withFeatures(features.subList(0, 1 + random.nextInt(features.size())));
            }
            if (baseGroup == null && g.integralId()) {
                join = join.on("n");
            } else if (baseGroup == null && random.nextInt(10) < 3) {
                join = join.on("alt");
                tags.add("join-on-other-column");
            }
            if (pointInTime && random.nextInt(4) == 0) {
                join = join.withLookback(LOOKBACKS[random.nextInt(LOOKBACKS.length)]);
                tags.add("lookback");
            }
            joins.add(join);
        }
        if (timeTypes.size() > 1) {
            tags.add("string-and-fractional-times");
        }
        return joins;
    }

    private Instant asOf(Set<String> tags) {
        int pick = random.nextInt(20);
        if (pick < 7) {
            return null;
        }
        tags.add("as-of");
        if (pick < 14) {
            return phases.ends().get(random.nextInt(phases.ends().size()));
        }
        if (pick < 18) {
            tags.add("as-of-exactly-a-write-time");
            return writeTimes.get(random.nextInt(writeTimes.size()));
        }
        return phases.beforeAnyWrite();
    }

    /**
     * A query base: every stored row of one group, raw (delete markers too: their label is null). Its
     * views are read as of W like every group, so a rebuild from the manifest reads the same base.
     */
    private static final String QUERY = "SELECT \"%s\" AS entity, \"%s\" AS t, seq AS label FROM \"%s\"";

    /** What {@link #QUERY} returns as of W (null: every row), from the stored rows (no SQL). */
    private BaseTable queryResult(RandomGroups.Shape group, Instant asOf) {
        List<Object[]> rows = new ArrayList<>();
        for (HistoryRow row : histories.get(group.name()).rows()) {
            if (asOf != null && row.writeTime().isAfter(asOf)) {
                continue;
            }
            rows.add(new Object[] {row.id(), row.values().get(group.timeName()), row.values().get(RandomGroups.PUT_ORDER)});
        }
        return BaseTable.of(List.of("entity", "t", "label"), "entity", "t", rows);
    }

    private BaseTable file(Set<String> tags) {
        String idColumn = pick("id", "customer", "entity_id");
        String timeColumn = pick("t", "event_time", "ts");
        List<String> columns = new ArrayList<>(List.of(idColumn, timeColumn, "label", "n", "alt"));
        Collections.shuffle(columns, random);
        boolean epoch = random.nextInt(3) == 0;
        tags.add(epoch ? "base=file-epoch-seconds" : "base=file-iso");
        int size = 3 + random.nextInt(18);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i > 0 && random.nextInt(6) == 0) {
                rows.add(rows.get(random.nextInt(rows.size())).clone());
                tags.add("duplicate-base-rows");
                continue;
            }
            boolean unmatched = random.nextInt(8) == 0;
            String id = unmatched ? pick("r9", "x1") : RandomHistory.stringId(1 + random.nextInt(5));
            if (unmatched) {
                tags.add("unmatched-ids");
            }
            Instant t = RandomTimes.next(random).plusMillis(random.nextInt(6) == 0 ? random.nextInt(3) - 1 : 0);
            Object[] row = new Object[columns.size()];
            row[columns.indexOf(idColumn)] = id;
            row[columns.indexOf(timeColumn)] = epoch ? RandomTimes.epochSeconds(t, random) : RandomTimes.iso(t, random);
            row[columns.indexOf("label")] = (long) random.nextInt(10);
            row[columns.indexOf("n")] = (long) (1 + random.nextInt(6));
            row[columns.indexOf("alt")] = RandomHistory.stringId(1 + random.nextInt(6));
            rows.add(row);
        }
        return BaseTable.of(columns, idColumn, timeColumn, rows);
    }

    /**
     * The same rows with the time column typed as a Parquet file may hold it: a timestamp (Instant) or
     * epoch seconds as a double; or left as ISO text.
     */
    private BaseTable typedForParquet(BaseTable text, Set<String> tags) {
        int time = text.column(text.timeColumn());
        boolean epoch = !String.valueOf(text.rows().get(0).get(time)).contains("T");
        int kind = epoch ? 1 : random.nextInt(2) * 2; // 0 timestamp, 1 double, 2 text
        tags.add(kind == 0 ? "base=parquet-timestamp" : kind == 1 ? "base=parquet-double" : "base=parquet-text");
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : text.rows()) {
            List<Object> typed = new ArrayList<>(row);
            String cell = String.valueOf(row.get(time));
            typed.set(time, kind == 0 ? Instant.parse(cell) : kind == 1 ? (Object) Double.valueOf(cell) : cell);
            rows.add(typed);
        }
        return new BaseTable(text.columns(), text.idColumn(), text.timeColumn(), rows);
    }

    private static String parquetTimeType(BaseTable table) {
        Object sample = table.rows().get(0).get(table.column(table.timeColumn()));
        return sample instanceof Instant ? "TIMESTAMPTZ" : sample instanceof Double ? "DOUBLE" : "VARCHAR";
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
