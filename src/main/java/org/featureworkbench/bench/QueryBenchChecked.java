package org.featureworkbench.bench;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.query.QueryCancellation;
import org.featureworkbench.query.QueryOptions;
import org.featureworkbench.query.QueryResult;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.query.RowSink;

/** Row count and an order-insensitive checksum of the exact values (integers, text, instants). */
final class QueryBenchChecked {
    long rows;
    long checksum;
    long firstLong = -1;

    void row(Object[] values) {
        rows++;
        for (Object v : values) {
            checksum += checksumOf(v);
            if (firstLong < 0 && v instanceof Long l) {
                firstLong = l;
            }
        }
    }

    static long checksumOf(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.longValue();
        }
        if (v instanceof String s) {
            return s.hashCode();
        }
        if (v instanceof Instant i) {
            return i.getEpochSecond();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant().getEpochSecond();
        }
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime().toEpochSecond(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime l) {
            return l.toEpochSecond(ZoneOffset.UTC);
        }
        return 0; // doubles: the summation order may differ in the last bits
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryBenchChecked c && c.rows == rows && c.checksum == checksum;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rows * 31 + checksum);
    }

    @Override
    public String toString() {
        return rows + " rows, checksum " + checksum;
    }

    static QueryBenchChecked engineStream(FeatureStore store, String sql) {
    QueryBenchChecked checked = new QueryBenchChecked();
    store.query().stream(sql, QueryOptions.DEFAULT, new QueryCancellation(), new RowSink() {
        @Override
        public void columns(List<ResultColumn> columns) {
            // not needed
        }

        @Override
        public void row(Object[] values) {
            checked.row(values);
        }
    });
    return checked;
}

    static QueryBenchChecked enginePaged(FeatureStore store, String sql) {
    QueryBenchChecked checked = new QueryBenchChecked();
    QueryResult result = store.query().run(sql, QueryOptions.DEFAULT, new QueryCancellation());
    try {
        result.page(0, 100);
        checked.rows = result.rowCount();
    } finally {
        result.close();
    }
    return checked;
}

    static QueryBenchChecked rawQuery(Connection c, String sql) throws SQLException {
    QueryBenchChecked checked = new QueryBenchChecked();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        Object[] row = new Object[rs.getMetaData().getColumnCount()];
        while (rs.next()) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            checked.row(row);
        }
    }
    return checked;
}
}
