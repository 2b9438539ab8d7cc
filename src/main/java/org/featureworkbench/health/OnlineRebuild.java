package org.featureworkbench.health;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.offline.OfflineReadLease;
import org.featureworkbench.offline.OfflineStore;
import org.featureworkbench.online.OnlineStore;
import org.featureworkbench.query.GroupTables;
import org.featureworkbench.query.Sql;

/**
 * Refills a group's (new, empty) online table from its offline store's latest state: per record
 * id the last row by event time, then {@code api_invocation_time}, then {@code write_time} (the
 * order every reader uses, DESIGN §3). A latest row that is a delete marker becomes a tombstone, as
 * a SoftDelete leaves one; a record whose group TTL has passed is left out. DuckDB picks the rows,
 * H2 takes them in batches. Stateless apart from its collaborators.
 */
final class OnlineRebuild {
    private static final int BATCH = 5_000;
    private static final String EVENT_MS = "__fwb_event_ms";
    private static final String INVOKED_MS = "__fwb_invoked_ms";
    private static final String DELETED = "is_deleted";

    /** What a rebuild wrote. */
    record Result(long records, long tombstones, long expired) {
    }

    private final DataSource database;
    private final OnlineStore online;
    private final OfflineStore offline;
    private final Clock clock;

    OnlineRebuild(DataSource database, OnlineStore online, OfflineStore offline, Clock clock) {
        this.database = database;
        this.online = online;
        this.offline = offline;
        this.clock = clock;
    }

    Result rebuild(FeatureGroup group) {
        try (OfflineReadLease lease = offline.openReadLease(group)) {
            if (lease.files().isEmpty()) {
                return new Result(0, 0, 0);
            }
            return copy(group, lease.files());
        } catch (SQLException e) {
            throw new FeatureStoreException("could not rebuild the online table of '" + group.name()
                    + "' from its offline store: " + Findings.plain(e), e);
        }
    }

    private Result copy(FeatureGroup group, List<Path> files) throws SQLException {
        String id = Sql.identifier(group.definition().recordIdentifierFeatureName());
        FeatureType eventType = group.features().stream()
                .filter(f -> f.name().equals(group.definition().eventTimeFeatureName()))
                .findFirst().map(FeatureDefinition::type).orElse(FeatureType.STRING);
        String eventInstant = GroupTables.eventInstant(Sql.identifier(group.definition().eventTimeFeatureName()), eventType);
        String source = "read_parquet(" + Sql.stringList(files.stream().map(p -> p.toAbsolutePath().toString()).toList())
                + ", union_by_name = true, hive_partitioning = false)";
        String sql = "SELECT * FROM (SELECT *, epoch_ms(" + eventInstant + ") AS " + EVENT_MS
                + ", epoch_ms(api_invocation_time) AS " + INVOKED_MS + ", row_number() OVER (PARTITION BY " + id
                + " ORDER BY " + eventInstant + " DESC, api_invocation_time DESC, write_time DESC) AS __fwb_rank FROM "
                + source + ") WHERE __fwb_rank = 1";
        TtlDuration ttl = group.definition().onlineStore().ttl();
        Instant now = clock.instant();
        long records = 0;
        long tombstones = 0;
        long expired = 0;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery(sql);
             Connection h2 = database.getConnection()) {
            h2.setAutoCommit(false);
            List<String> columns = columnNames(rs);
            List<TypedRecord> batch = new ArrayList<>();
            long batchInvoked = Long.MIN_VALUE;
            while (rs.next()) {
                Instant eventTime = Instant.ofEpochMilli(rs.getLong(EVENT_MS));
                Object recordId = typed(rs.getObject(group.definition().recordIdentifierFeatureName()),
                        group.definition().recordIdentifierFeature().type());
                if (Boolean.TRUE.equals(rs.getObject(DELETED))) {
                    online.softDelete(h2, group, recordId.toString(), eventTime);
                    tombstones++;
                    continue;
                }
                if (ttl != null && !eventTime.plus(ttl.toDuration()).isAfter(now)) {
                    expired++;
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (FeatureDefinition f : group.features()) {
                    if (columns.contains(f.name())) {
                        Object v = typed(rs.getObject(f.name()), f.type());
                        if (v != null) {
                            values.put(f.name(), v);
                        }
                    }
                }
                batch.add(new TypedRecord(recordId, eventTime, values));
                batchInvoked = Math.max(batchInvoked, rs.getLong(INVOKED_MS));
                if (batch.size() == BATCH) {
                    records += write(h2, group, batch, batchInvoked);
                    batchInvoked = Long.MIN_VALUE;
                }
            }
            if (!batch.isEmpty()) {
                records += write(h2, group, batch, batchInvoked);
            }
            h2.commit();
        }
        return new Result(records, tombstones, expired);
    }

    /** One batch; its rows carry the latest invocation time among them (a later put still wins a tie). */
    private long write(Connection h2, FeatureGroup group, List<TypedRecord> batch, long invokedMs) throws SQLException {
        online.putAll(h2, group, List.copyOf(batch), Instant.ofEpochMilli(invokedMs));
        int n = batch.size();
        batch.clear();
        h2.commit();
        return n;
    }

    private static List<String> columnNames(ResultSet rs) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            names.add(rs.getMetaData().getColumnLabel(i));
        }
        return names;
    }

    /** DuckDB's value as the online store's type (Long, Double, String). */
    private static Object typed(Object value, FeatureType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INTEGRAL -> value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
            case FRACTIONAL -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
            case STRING -> value.toString();
        };
    }
}
