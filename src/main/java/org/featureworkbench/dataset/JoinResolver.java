package org.featureworkbench.dataset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.ValidationException;
import org.featureworkbench.query.QuerySession;
import org.featureworkbench.query.ResultColumn;

/**
 * Checks each joined group against the catalog and the base: the group exists and has an offline
 * store, its chosen features exist, its base column exists; and names each output column (a name
 * already taken, case-insensitively as DuckDB compares names, becomes {@code group.feature}).
 */
final class JoinResolver {
    static final String JOIN_FIELD = "--join";

    private JoinResolver() {
    }

    static List<ResolvedJoin> resolve(List<JoinedGroup> joins, ResolvedBase base, QuerySession session,
                                      Function<String, FeatureGroup> groups, DatasetSpec spec) {
        if (joins.isEmpty()) {
            throw new ValidationException(JOIN_FIELD, "join at least one feature group, e.g. --join customers");
        }
        Set<String> taken = new HashSet<>();
        base.columns().forEach(c -> taken.add(c.name().toLowerCase(Locale.ROOT)));
        List<ResolvedJoin> resolved = new ArrayList<>();
        for (JoinedGroup j : joins) {
            FeatureGroup group = groups.apply(j.group());
            if (!group.definition().offlineStore().enabled()) {
                throw new ValidationException(JOIN_FIELD, "feature group '" + group.name() + "' has no offline store, so "
                        + "it keeps no history to join as of each event; join groups with an offline store");
            }
            if (j.lookback() != null && j.lookback().isNegative()) {
                // Zero is a real window: only a state at exactly T counts.
                throw new ValidationException("--lookback", "the lookback window of '" + group.name() + "' is negative; "
                        + "give a window such as 7d");
            }
            if (j.lookback() != null && !spec.pointInTime()) {
                throw new ValidationException("--lookback", "a lookback window for '" + group.name() + "' needs a "
                        + "point-in-time join; drop --no-point-in-time or the lookback");
            }
            String baseColumn = j.baseColumn() == null ? base.idColumn()
                    : BaseResolver.column(base.columns(), j.baseColumn(), "--on", "record ids of " + group.name(), "the base");
            List<FeatureDefinition> features = chosen(group, j.features());
            List<String> names = new ArrayList<>();
            for (FeatureDefinition f : features) {
                String name = f.name();
                if (!taken.add(name.toLowerCase(Locale.ROOT))) {
                    name = group.name() + "." + f.name();
                    if (!taken.add(name.toLowerCase(Locale.ROOT))) {
                        String clash = name;
                        boolean baseHasIt = base.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(clash));
                        throw new ValidationException(JOIN_FIELD, "the output would have two columns named '" + name
                                + (baseHasIt ? "': the base has a column of that name; rename it in the base, or "
                                + "leave feature " + f.name() + " out with --join " + group.name() + ":f1,f2"
                                : "'; join group " + group.name() + " once, or choose its features with --join "
                                + group.name() + ":f1,f2"));
                    }
                }
                names.add(name);
            }
            resolved.add(new ResolvedJoin(session.tables(group), features, names, baseColumn, j.lookback(), true));
        }
        return resolved;
    }

    private static List<FeatureDefinition> chosen(FeatureGroup group, List<String> wanted) {
        String id = group.definition().recordIdentifierFeatureName();
        if (wanted.isEmpty()) {
            return group.features().stream().filter(f -> !f.name().equals(id)).toList();
        }
        List<FeatureDefinition> features = new ArrayList<>();
        for (String w : wanted) {
            FeatureDefinition match = group.features().stream().filter(f -> f.name().equals(w.strip())).findFirst()
                    .or(() -> group.features().stream().filter(f -> f.name().equalsIgnoreCase(w.strip())).findFirst())
                    .orElseThrow(() -> new ValidationException(JOIN_FIELD, "feature group '" + group.name()
                            + "' has no feature '" + w.strip() + "'; its features are: "
                            + String.join(", ", group.features().stream().map(FeatureDefinition::name).toList())));
            if (features.contains(match)) {
                throw new ValidationException(JOIN_FIELD, "feature '" + match.name() + "' of group " + group.name()
                        + " is chosen twice");
            }
            features.add(match);
        }
        return features;
    }

    /** The base columns the joins match on other than the id column (file bases read them as text). */
    static Set<String> joinColumns(List<JoinedGroup> joins) {
        Set<String> columns = new HashSet<>();
        joins.stream().map(JoinedGroup::baseColumn).filter(c -> c != null).forEach(columns::add);
        return columns;
    }

    static List<String> columnNames(List<ResultColumn> columns) {
        return columns.stream().map(ResultColumn::name).toList();
    }
}
