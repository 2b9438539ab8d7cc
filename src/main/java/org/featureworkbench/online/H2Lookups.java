package org.featureworkbench.online;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.OnlineRecord;
import org.featureworkbench.model.RecordValidator;
import org.featureworkbench.registry.StaleDefinitionException;

/**
 * Primary-key reads of online tables for {@link H2OnlineStore} and {@link H2BatchGet}: one record
 * on a read session's cached statement, at a catalog version or at any, and the same read while
 * features are being added, with the columns the table has ({@link TableBeingAltered}).
 * Thread-safe (sessions are not shared).
 */
final class H2Lookups {
    /** No catalog version check. */
    static final long ANY_VERSION = Long.MIN_VALUE;

    private final Clock clock;

    H2Lookups(Clock clock) {
        this.clock = clock;
    }

    /**
     * GetRecord of {@code t}, the group's table. While features are being added and the table lacks
     * their columns, it reads with the ones it has (ADR 0021 addendum 7), or reads whole again if
     * the copy was put in place between the two statements.
     */
    Optional<OnlineRecord> get(ReadSessions sessions, OnlineTable t, FeatureGroup group, long catalogVersion,
                               String recordIdentifier, List<String> projection) {
        OnlineTable.Projection p = t.projection(projection);
        Object id = RecordValidator.parseRecordIdentifier(group.definition(), recordIdentifier);
        String what = "read record '" + recordIdentifier + "' of '" + group.name() + "'";
        for (int attempt = 1; ; attempt++) {
            try {
                return sessions.with(s -> read(s, t, p, id, recordIdentifier, catalogVersion));
            } catch (SQLException e) {
                if (!TableBeingAltered.columnMissing(e) || attempt == 3) {
                    throw H2OnlineStore.error(group, what, e);
                }
                PartLookup part;
                try {
                    part = sessions.with(s -> readWhileAltered(s, group, catalogVersion, id, recordIdentifier,
                            projection));
                } catch (SQLException partFailed) {
                    if (TableBeingAltered.columnMissing(partFailed)) {
                        continue;
                    }
                    throw H2OnlineStore.error(group, what, partFailed); // e.g. the table missing for the swap's instant
                }
                if (part.onlyAddedFeatures()) {
                    throw H2OnlineStore.error(group, what, e);
                }
                if (part.record() != null) {
                    return part.record();
                }
            }
        }
    }

    /**
     * What a read with the columns of a table being altered found: the record (empty when absent),
     * or null when the table has every column now; or that only features being added were asked for.
     */
    private record PartLookup(Optional<OnlineRecord> record, boolean onlyAddedFeatures) {
    }

    private PartLookup readWhileAltered(ReadSessions.Session s, FeatureGroup group, long catalogVersion, Object id,
                                        String recordIdentifier, List<String> projection) throws SQLException {
        TableBeingAltered.Part part = TableBeingAltered.part(s.connection(), group, projection);
        if (part == null) {
            return new PartLookup(null, false);
        }
        if (part.onlyAddedFeaturesAsked()) {
            return new PartLookup(null, true);
        }
        Optional<OnlineRecord> record = read(s, part.table(), part.projection(), id, recordIdentifier, catalogVersion);
        // Read first, then make sure the table still lacked the columns: had the copy been put in place
        // meanwhile, a put since could have written the record whole, and this read would be half of it.
        return TableBeingAltered.stillAltered(s.connection(), group) ? new PartLookup(record, false)
                : new PartLookup(null, false);
    }

    private Optional<OnlineRecord> read(ReadSessions.Session s, OnlineTable t, OnlineTable.Projection p, Object id,
                                        String idAsString, long catalogVersion) throws SQLException {
        return catalogVersion == ANY_VERSION ? lookup(s, t, p, id, idAsString)
                : versionedLookup(s, t, p, id, idAsString, catalogVersion);
    }

    /** One primary-key lookup on a session's cached statement; deleted and expired rows read as absent. */
    Optional<OnlineRecord> lookup(ReadSessions.Session s, OnlineTable t, OnlineTable.Projection p, Object id,
                                  String idAsString) throws SQLException {
        PreparedStatement ps = s.prepare(p.selectSql());
        t.bindId(ps, 1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? toRecord(rs, t, p, idAsString) : Optional.empty();
        }
    }

    /**
     * {@link #lookup} that also reads the group's catalog version in the same statement and fails
     * with {@link StaleDefinitionException} when a found row was read with another version's
     * definition (e.g. features were added since). A missing row needs no check: it is missing
     * under any definition, and a dropped table fails the statement itself.
     */
    private Optional<OnlineRecord> versionedLookup(ReadSessions.Session s, OnlineTable t, OnlineTable.Projection p,
                                                   Object id, String idAsString, long version) throws SQLException {
        PreparedStatement ps = s.prepare(p.versionedSql());
        ps.setString(1, t.groupName);
        t.bindId(ps, 2, id);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long current = rs.getLong(p.features().size() + 4);
            if (rs.wasNull() || current != version) {
                throw new StaleDefinitionException(t.groupName);
            }
            return toRecord(rs, t, p, idAsString);
        }
    }

    private Optional<OnlineRecord> toRecord(ResultSet rs, OnlineTable t, OnlineTable.Projection p, String idAsString)
            throws SQLException {
        int n = p.features().size();
        long expires = rs.getLong(n + 2);
        Long expiresAt = rs.wasNull() ? null : expires;
        if (rs.getBoolean(n + 3) || (expiresAt != null && expiresAt <= clock.millis())) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            FeatureDefinition f = p.features().get(i);
            values.put(f.name(), OnlineTable.read(rs, i + 1, f.type()));
        }
        return Optional.of(new OnlineRecord(t.groupName, idAsString, Instant.ofEpochMilli(rs.getLong(n + 1)),
                expiresAt == null ? null : Instant.ofEpochMilli(expiresAt), values));
    }
}
