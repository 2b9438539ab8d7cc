package org.featureworkbench.dataset.reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.featureworkbench.dataset.DatasetSpec;

/**
 * The base rows a dataset starts from, after the base's own options: a group's history as of W
 * (deduplicated unless includeDuplicates; never a delete marker: includeDeleted drops the markers
 * before deduplication, otherwise a row whose last version is a marker is dropped after it), the
 * event range, then the N most recent rows per record id.
 *
 * @param columns the base's column names
 * @param idIndex the index of the record id column
 * @param timeIndex the index of the event time column
 * @param rows    the kept rows (order not yet the output's)
 */
public record BaseRows(List<String> columns, int idIndex, int timeIndex, List<List<Object>> rows) {

    /** @param file the entity file's rows (or the query's result) when the base is a file or a query, else null */
    public static BaseRows of(DatasetSpec spec, Map<String, GroupHistory> groups, BaseTable file) {
        BaseRows all = switch (spec.base().kind()) {
            case GROUP -> ofGroup(groups.get(spec.base().source()), spec);
            case FILE, QUERY -> new BaseRows(file.columns(), file.column(file.idColumn()),
                    file.column(file.timeColumn()), file.rows());
        };
        return all.inEventRange(spec.eventFrom(), spec.eventTo()).mostRecent(spec.recent());
    }

    private static BaseRows ofGroup(GroupHistory group, DatasetSpec spec) {
        List<HistoryRow> known = new ArrayList<>();
        for (HistoryRow row : group.rows()) {
            // With deleted records included, a marker is ignored as if it had never been written.
            boolean ignored = spec.includeDeleted() && row.deleted();
            if (!ignored && (spec.asOf() == null || !row.writeTime().isAfter(spec.asOf()))) {
                known.add(row);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryRow row : known) {
            if (!spec.includeDuplicates() && !lastOfItsEventTime(row, known)) {
                continue;
            }
            if (row.deleted()) {
                continue; // the record is deleted at this event time: no event to label
            }
            List<Object> values = new ArrayList<>();
            for (String feature : group.features()) {
                values.add(row.values().get(feature));
            }
            rows.add(values);
        }
        return new BaseRows(group.features(), group.features().indexOf(group.idFeature()),
                group.features().indexOf(group.eventTimeFeature()), rows);
    }

    /** True when no other row of the same record and event time comes later. */
    private static boolean lastOfItsEventTime(HistoryRow row, List<HistoryRow> rows) {
        for (HistoryRow other : rows) {
            if (other != row && GroupState.sameId(other.id(), row.id()) && other.eventTime().equals(row.eventTime())
                    && RowOrder.history(other, row) > 0) {
                return false;
            }
        }
        return true;
    }

    private BaseRows inEventRange(Instant from, Instant to) {
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : rows) {
            Instant t = time(row);
            if ((from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to))) {
                kept.add(row);
            }
        }
        return new BaseRows(columns, idIndex, timeIndex, kept);
    }

    /**
     * The {@code n} rows with the latest event times per record id (all when n is 0); identical rows
     * count one each.
     *
     * @throws AmbiguousCaseException when the cut separates rows of equal event time that differ
     */
    private BaseRows mostRecent(int n) {
        if (n <= 0) {
            return this;
        }
        Map<String, List<List<Object>>> byId = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            byId.computeIfAbsent(String.valueOf(row.get(idIndex)), k -> new ArrayList<>()).add(row);
        }
        List<List<Object>> kept = new ArrayList<>();
        for (List<List<Object>> ofOneId : byId.values()) {
            List<List<Object>> newestFirst = new ArrayList<>(ofOneId);
            newestFirst.sort((a, b) -> time(b).compareTo(time(a)));
            if (newestFirst.size() > n && time(newestFirst.get(n - 1)).equals(time(newestFirst.get(n)))) {
                Instant cut = time(newestFirst.get(n));
                List<Object> first = null;
                for (List<Object> row : newestFirst) {
                    if (time(row).equals(cut) && first != null && !Objects.equals(first, row)) {
                        throw new AmbiguousCaseException("recent " + n + " cuts through different rows of id "
                                + row.get(idIndex) + " at the same event time " + cut);
                    }
                    first = time(row).equals(cut) && first == null ? row : first;
                }
            }
            kept.addAll(newestFirst.subList(0, Math.min(n, newestFirst.size())));
        }
        return new BaseRows(columns, idIndex, timeIndex, kept);
    }

    public Instant time(List<Object> row) {
        return EventInstants.of(row.get(timeIndex));
    }
}
