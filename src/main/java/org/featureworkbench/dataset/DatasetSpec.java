package org.featureworkbench.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.featureworkbench.query.ExportFormat;

/**
 * Everything that defines a training dataset (issue 11, SageMaker's DatasetBuilder options with
 * DESIGN.md §3's point-in-time rule). Immutable; the {@code with…} methods return copies.
 *
 * @param base              the base rows (one output row each)
 * @param joins             the groups joined onto them, 1..N
 * @param asOf              every group is read as the store knew it then ({@code write_time <= asOf});
 *                          null = the moment the build starts (recorded in the manifest)
 * @param eventFrom         only base rows with event time ≥ this (null = open)
 * @param eventTo           only base rows with event time ≤ this (null = open)
 * @param includeDeleted    delete markers are ignored: a group base keeps its marker rows, a joined
 *                          group's state is its last row that is not a delete
 * @param includeDuplicates a group base keeps every stored row, not only the last per (id, event time)
 * @param recent            only the N most recent base rows per record id (0 = all)
 * @param limit             at most this many output rows (0 = all)
 * @param pointInTime       true: each group's state at the base row's event time; false: its latest state
 * @param split             how to cut the output into parts (null = one file)
 * @param format            the output files' format
 */
public record DatasetSpec(DatasetBase base, List<JoinedGroup> joins, Instant asOf, Instant eventFrom,
                          Instant eventTo, boolean includeDeleted, boolean includeDuplicates, int recent,
                          long limit, boolean pointInTime, DatasetSplit split, ExportFormat format) {
    public DatasetSpec {
        Objects.requireNonNull(base, "base");
        joins = List.copyOf(joins);
        format = format == null ? ExportFormat.CSV : format;
    }

    /** Point-in-time join of {@code joins} onto {@code base}, every other option at its default. */
    public static DatasetSpec of(DatasetBase base, List<JoinedGroup> joins) {
        return new DatasetSpec(base, joins, null, null, null, false, false, 0, 0, true, null, ExportFormat.CSV);
    }

    public DatasetSpec withAsOf(Instant t) {
        return new DatasetSpec(base, joins, t, eventFrom, eventTo, includeDeleted, includeDuplicates, recent, limit,
                pointInTime, split, format);
    }

    public DatasetSpec withEventRange(Instant from, Instant to) {
        return new DatasetSpec(base, joins, asOf, from, to, includeDeleted, includeDuplicates, recent, limit,
                pointInTime, split, format);
    }

    public DatasetSpec withIncludeDeleted(boolean include) {
        return new DatasetSpec(base, joins, asOf, eventFrom, eventTo, include, includeDuplicates, recent, limit,
                pointInTime, split, format);
    }

    public DatasetSpec withIncludeDuplicates(boolean include) {
        return new DatasetSpec(base, joins, asOf, eventFrom, eventTo, includeDeleted, include, recent, limit,
                pointInTime, split, format);
    }

    public DatasetSpec withRecent(int n) {
        return new DatasetSpec(base, joins, asOf, eventFrom, eventTo, includeDeleted, includeDuplicates, n, limit,
                pointInTime, split, format);
    }

    public DatasetSpec withLimit(long rows) {
        return new DatasetSpec(base, joins, asOf, eventFrom, eventTo, includeDeleted, includeDuplicates, recent, rows,
                pointInTime, split, format);
    }

    public DatasetSpec withPointInTime(boolean on) {
        return new DatasetSpec(base, joins, asOf, eventFrom, eventTo, includeDeleted, includeDuplicates, recent, limit,
                on, split, format);
    }

    public DatasetSpec withSplit(DatasetSplit s) {
        return new DatasetSpec(base, joins, asOf, eventFrom, eventTo, includeDeleted, includeDuplicates, recent, limit,
                pointInTime, s, format);
    }

    public DatasetSpec withFormat(ExportFormat f) {
        return new DatasetSpec(base, joins, asOf, eventFrom, eventTo, includeDeleted, includeDuplicates, recent, limit,
                pointInTime, split, f);
    }

    public DatasetSpec withJoins(List<JoinedGroup> groups) {
        return new DatasetSpec(base, groups, asOf, eventFrom, eventTo, includeDeleted, includeDuplicates, recent, limit,
                pointInTime, split, format);
    }
}
