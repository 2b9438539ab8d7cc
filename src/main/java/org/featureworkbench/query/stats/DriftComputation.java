package org.featureworkbench.query.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryException;
import org.featureworkbench.query.Sql;

/**
 * One drift measurement in three statements: the windows' row counts and each numeric feature's
 * reference deciles; the reference's top values of each String feature; then every feature's rows
 * per reference bucket in both windows (one scan, UNPIVOT). Not thread-safe; used once.
 */
final class DriftComputation {
    static final double[] DECILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final String NULL_KEY = "null";
    private static final String OTHER_KEY = "other";

    private final DuckDbStatistics statistics;
    private final GroupSource source;
    private final EventWindow reference;
    private final EventWindow current;
    private final List<FeatureDefinition> features;

    DriftComputation(DuckDbStatistics statistics, GroupSource source, EventWindow reference, EventWindow current) {
        this.statistics = statistics;
        this.source = source;
        this.reference = reference;
        this.current = current;
        String id = source.group().definition().recordIdentifierFeatureName();
        String time = source.group().definition().eventTimeFeatureName();
        this.features = source.features().stream().filter(f -> !f.name().equals(id) && !f.name().equals(time)).toList();
    }

    DriftReport run(QueryCancellation cancellation) {
        FeatureGroup group = source.group();
        String windows = "SELECT 'r' AS _w, * FROM (" + source.window(reference) + ") UNION ALL SELECT 'c' AS _w, * FROM ("
                + source.window(current) + ")";
        Object[] profile = statistics.single(group, profileSql(windows), cancellation);
        long refRows = Doubles.count(profile[0]);
        long curRows = Doubles.count(profile[1]);
        if (refRows == 0 || curRows == 0) {
            EventWindow empty = refRows == 0 ? reference : current;
            throw new QueryException("the " + (refRows == 0 ? "reference" : "current") + " window " + empty
                    + " has no rows of '" + group.name() + "' (event times of its history span "
                    + span(cancellation) + "); choose a window that overlaps them");
        }
        Map<String, List<Double>> edges = new LinkedHashMap<>();
        int column = 2;
        for (FeatureDefinition f : features) {
            if (f.type() != FeatureType.STRING) {
                List<Double> e = parseEdges((String) profile[column++]);
                // Integral values fall between no two integers: whole-number edges keep each value in one readable bin.
                edges.put(f.name(), f.type() == FeatureType.INTEGRAL
                        ? e.stream().map(Math::floor).distinct().toList() : e);
            }
        }
        Map<String, List<String>> tops = topValues(group, cancellation);
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (FeatureDefinition f : features) {
            String c = Sql.identifier(f.name());
            Map<String, String> l = new LinkedHashMap<>();
            StringBuilder expr = new StringBuilder("CASE WHEN ").append(c).append(" IS NULL THEN '").append(NULL_KEY).append("'");
            if (f.type() == FeatureType.STRING) {
                List<String> top = tops.getOrDefault(f.name(), List.of());
                for (String v : top) {
                    l.put("v:" + v, v);
                }
                if (!top.isEmpty()) {
                    expr.append(" WHEN ").append(c).append(" IN (").append(String.join(", ", top.stream().map(Sql::literal).toList()))
                            .append(") THEN 'v:' || ").append(c);
                }
                expr.append(" ELSE '").append(OTHER_KEY).append("' END");
                l.put(OTHER_KEY, "(other)");
            } else {
                List<Double> e = edges.get(f.name());
                String d = "CAST(" + c + " AS DOUBLE)";
                for (int i = 0; i < e.size(); i++) {
                    expr.append(" WHEN ").append(d).append(" <= ").append(Doubles.sql(e.get(i))).append(" THEN 'b").append(i).append("'");
                    l.put("b" + i, (i == 0 ? "≤ " : "(" + number(e.get(i - 1)) + ", ") + number(e.get(i)) + (i == 0 ? "" : "]"));
                }
                expr.append(" ELSE 'b").append(e.size()).append("' END");
                l.put("b" + e.size(), e.isEmpty() ? "any value" : "> " + number(e.get(e.size() - 1)));
            }
            l.put(NULL_KEY, "(null)");
            labels.put(f.name(), l);
            columns.add(expr + " AS " + c);
        }
        List<FeatureDrift> drifts = new ArrayList<>();
        if (!features.isEmpty()) {
            String sql = "SELECT _w, feature, bucket, count(*) FROM (UNPIVOT (SELECT _w, " + String.join(", ", columns)
                    + " FROM (" + windows + ")) ON " + String.join(", ", features.stream().map(f -> Sql.identifier(f.name())).toList())
                    + " INTO NAME feature VALUE bucket) GROUP BY ALL";
            Map<String, Map<String, Long>> ref = new LinkedHashMap<>();
            Map<String, Map<String, Long>> cur = new LinkedHashMap<>();
            for (Object[] row : statistics.all(group, sql, cancellation)) {
                ("r".equals(row[0]) ? ref : cur).computeIfAbsent((String) row[1], k -> new LinkedHashMap<>())
                        .put((String) row[2], Doubles.count(row[3]));
            }
            for (FeatureDefinition f : features) {
                drifts.add(Psi.drift(f.name(), f.type(), labels.get(f.name()), ref.getOrDefault(f.name(), Map.of()),
                        cur.getOrDefault(f.name(), Map.of())));
            }
        }
        return new DriftReport(group.name(), reference, current, refRows, curRows, drifts);
    }

    private String profileSql(String windows) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FILTER (WHERE _w = 'r'), count(*) FILTER (WHERE _w = 'c')");
        String deciles = String.join(", ", java.util.Arrays.stream(DECILES).mapToObj(Double::toString).toList());
        for (FeatureDefinition f : features) {
            if (f.type() != FeatureType.STRING) {
                sql.append(",\n CAST(approx_quantile(CAST(").append(Sql.identifier(f.name())).append(" AS DOUBLE), [")
                        .append(deciles).append("]) FILTER (WHERE _w = 'r') AS VARCHAR)");
            }
        }
        return sql.append("\nFROM (").append(windows).append(")").toString();
    }

    private Map<String, List<String>> topValues(FeatureGroup group, QueryCancellation cancellation) {
        List<String> strings = features.stream().filter(f -> f.type() == FeatureType.STRING)
                .map(f -> Sql.identifier(f.name())).toList();
        Map<String, List<String>> tops = new LinkedHashMap<>();
        if (strings.isEmpty()) {
            return tops;
        }
        String sql = "SELECT feature, value FROM (SELECT feature, value, count(*) AS n FROM (UNPIVOT (SELECT "
                + String.join(", ", strings) + " FROM (" + source.window(reference) + ")) ON " + String.join(", ", strings)
                + " INTO NAME feature VALUE value) GROUP BY feature, value QUALIFY row_number() OVER (PARTITION BY feature "
                + "ORDER BY n DESC, value) <= " + SummaryQuery.TOP_VALUES + ") ORDER BY feature, n DESC, value";
        for (Object[] row : statistics.all(group, sql, cancellation)) {
            tops.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return tops;
    }

    /** DuckDB's text of a DOUBLE list, e.g. {@code [1.0, 2.5]}; distinct edges in order (NULL: none). */
    static List<Double> parseEdges(String text) {
        TreeSet<Double> edges = new TreeSet<>();
        if (text != null) {
            String inner = text.strip();
            inner = inner.substring(1, inner.length() - 1).strip();
            if (!inner.isEmpty()) {
                for (String part : inner.split(",")) {
                    String p = part.strip();
                    if (!p.equalsIgnoreCase("NULL")) {
                        edges.add(Double.parseDouble(p));
                    }
                }
            }
        }
        return new ArrayList<>(edges);
    }

    private String span(QueryCancellation cancellation) {
        Object[] row = statistics.single(source.group(), "SELECT min(_et), max(_et) FROM (" + source.history() + ")",
                cancellation);
        return row[0] == null ? "nothing: the group has no rows yet" : row[0] + ".." + row[1];
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
