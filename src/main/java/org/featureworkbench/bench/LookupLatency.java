package org.featureworkbench.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.featureworkbench.core.RecordOperations;
import org.featureworkbench.model.FeatureGroup;

/**
 * GetRecord through the facade against the floor: one cached H2 PreparedStatement doing the same
 * primary-key lookup on the same table, every column read, no objects built.
 */
final class LookupLatency {
    private final RecordOperations records;
    private final FeatureGroup group;
    private final Connection raw;
    private final PreparedStatement rawLookup;
    private final int columns;

    LookupLatency(RecordOperations records, FeatureGroup group, Connection raw) throws SQLException {
        this.records = records;
        this.group = group;
        this.raw = raw;
        String table = "\"FWB_ONLINE_" + group.name() + "_" + group.creationTime().getEpochSecond() + "\"";
        this.rawLookup = raw.prepareStatement("SELECT * FROM " + table + " WHERE \"" + BenchRecords.ID + "\" = ?");
        this.columns = group.features().size();
    }

    long[] viaFacade(String[] ids) {
        long[] nanos = new long[ids.length];
        int found = 0;
        for (int i = 0; i < ids.length; i++) {
            long t = System.nanoTime();
            found += records.getRecord(group.name(), ids[i], null).isPresent() ? 1 : 0;
            nanos[i] = System.nanoTime() - t;
        }
        check(found, ids.length);
        return nanos;
    }

    long[] raw(String[] ids) throws SQLException {
        long[] nanos = new long[ids.length];
        int found = 0;
        for (int i = 0; i < ids.length; i++) {
            long t = System.nanoTime();
            rawLookup.setString(1, ids[i]);
            try (ResultSet rs = rawLookup.executeQuery()) {
                if (rs.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rs.getObject(c);
                    }
                    found++;
                }
            }
            nanos[i] = System.nanoTime() - t;
        }
        check(found, ids.length);
        return nanos;
    }

    void close() throws SQLException {
        rawLookup.close();
        raw.close();
    }

    private static void check(int found, int expected) {
        if (found != expected) {
            throw new IllegalStateException("found " + found + " of " + expected + " records");
        }
    }
}
