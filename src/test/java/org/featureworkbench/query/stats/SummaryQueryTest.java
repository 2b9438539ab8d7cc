package org.featureworkbench.query.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;

/** The summary SQL on its own, in DuckDB: the approximate path agrees with the exact one. */
class SummaryQueryTest {
    @Test
    void sampledQuartilesAreWithinAPercentOfTheExactOnes() throws Exception {
        List<FeatureDefinition> features = List.of(new FeatureDefinition("x", FeatureType.FRACTIONAL),
                new FeatureDefinition("s", FeatureType.STRING));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT (random() * 1000)::DOUBLE AS x, 'v' || (range % 50) AS s, "
                    + "TIMESTAMPTZ '2026-01-01 00:00:00+00' + INTERVAL (range) SECOND AS _et FROM range(1000000)");
            double[] exact = quartiles(s, SummaryQuery.summary("SELECT * FROM t", features, true));
            double[] sampled = quartiles(s, SummaryQuery.summary("SELECT * FROM t", features, false));
            for (int q = 0; q < 3; q++) {
                assertEquals(exact[q], sampled[q], 10.0, "quartile " + (q + 1) + " within 1 % of the range");
            }
            assertEquals(250.0, exact[0], 5.0);
            assertEquals(750.0, exact[2], 5.0);
        }
    }

    /** Columns: count, min, max, then x's count, distinct, min, max, mean, std, p25, p50, p75. */
    private static double[] quartiles(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new double[] {rs.getDouble(10), rs.getDouble(11), rs.getDouble(12)};
        }
    }
}
