package org.featureworkbench.dataset.reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.JoinedGroup;

/**
 * The expected training dataset, computed the slow and obvious way: for every base row and every
 * joined group, a loop over every stored row of that group (DESIGN.md §3 and the dataset contract).
 * Shares no code with the builder; no SQL.
 */
public final class ReferenceDataset {
    private ReferenceDataset() {
    }

    /**
     * @param groups every group the spec names, by name
     * @param file   the entity file's rows, or the query's result, when the base is a file or a query; else null
     * @throws AmbiguousCaseException when the rules leave the answer open
     */
    public static ExpectedDataset of(DatasetSpec spec, Map<String, GroupHistory> groups, BaseTable file) {
        BaseRows base = BaseRows.of(spec, groups, file);
        List<String> columns = new ArrayList<>(base.columns());
        List<List<String>> joinedFeatures = new ArrayList<>();
        for (JoinedGroup join : spec.joins()) {
            GroupHistory group = groups.get(join.group());
            List<String> features = join.features().isEmpty() ? defaultFeatures(group) : join.features();
            joinedFeatures.add(features);
            for (String feature : features) {
                columns.add(columns.contains(feature) ? group.name() + "." + feature : feature);
            }
        }
        List<List<Object>> baseRows = new ArrayList<>(base.rows());
        // A stable sort: rows equal in the output order are identical, so interchangeable.
        baseRows.sort(RowOrder.output(base.idIndex(), base.timeIndex()));
        if (spec.limit() > 0 && baseRows.size() > spec.limit()) {
            baseRows = baseRows.subList(0, (int) spec.limit());
        }
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : baseRows) {
            List<Object> values = new ArrayList<>(row);
            for (int j = 0; j < spec.joins().size(); j++) {
                values.addAll(joined(spec, spec.joins().get(j), groups, base, row, joinedFeatures.get(j)));
            }
            out.add(Collections.unmodifiableList(values));
        }
        return new ExpectedDataset(columns, base.columns().size(), out);
    }

    /** Every feature but the record identifier (the base already holds it), in catalog order. */
    public static List<String> defaultFeatures(GroupHistory group) {
        return group.features().stream().filter(f -> !f.equals(group.idFeature())).toList();
    }

    private static List<Object> joined(DatasetSpec spec, JoinedGroup join, Map<String, GroupHistory> groups,
                                       BaseRows base, List<Object> row, List<String> features) {
        int keyIndex = join.baseColumn() == null ? base.idIndex() : base.columns().indexOf(join.baseColumn());
        Instant t = base.time(row);
        HistoryRow state = GroupState.at(groups.get(join.group()), row.get(keyIndex), spec.pointInTime() ? t : null,
                spec.asOf(), spec.includeDeleted());
        boolean missing = state == null || state.deleted();
        if (!missing && spec.pointInTime() && join.lookback() != null) {
            missing = state.eventTime().isBefore(t.minus(join.lookback()));
        }
        List<Object> values = new ArrayList<>();
        for (String feature : features) {
            values.add(missing ? null : state.values().get(feature));
        }
        return values;
    }
}
