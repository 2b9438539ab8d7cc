package org.featureworkbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.TypedRecord;

/**
 * The raw engines for the durable put comparison: the least a durable put must do with H2 and a
 * file, and nothing more — write the typed row with one commit per record on the same database
 * (same URL, so H2's write delay) and append the record's bytes to a file of its own with one
 * {@code FileChannel.write} (what makes it survive the process, as the record journal does,
 * ADR 0010). Statements prepared once, values already typed, a table of its own shaped like the
 * store's. Phase 1 inserts new rows (as the store's first put phase does), phase 2 updates them
 * (as its second, newer-version phase does).
 */
final class RawPutBaseline {
    private static final String ONLINE = "BENCH_RAW_ONLINE";

    private final FeatureGroup group;
    private final ConnectionSource connections;
    private final Path directory;

    /** Opens a connection to the benchmark's workspace database. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** @param directory where the appended files go (one per thread and run) */
    RawPutBaseline(FeatureGroup group, ConnectionSource connections, Path directory) throws SQLException {
        this.group = group;
        this.connections = connections;
        this.directory = directory;
        String columns = group.features().stream().map(f -> "\"" + f.name() + "\" " + switch (f.type()) {
            case INTEGRAL -> "BIGINT";
            case FRACTIONAL -> "DOUBLE PRECISION";
            case STRING -> "CHARACTER VARYING(1000000)";
        }).collect(Collectors.joining(", "));
        try (Connection c = connections.open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + ONLINE + " (" + columns + ", EVENT_MS BIGINT NOT NULL, EXPIRES_MS BIGINT,"
                    + " DELETED BOOLEAN NOT NULL, INVOKED_MS BIGINT NOT NULL, PRIMARY KEY (\"" + BenchRecords.ID + "\"))");
        }
    }

    /** Inserts (phase 1) or updates (phase 2) every row, one commit each, on {@code threads} threads; rows/s. */
    double run(List<TypedRecord> rows, boolean update, int threads) throws InterruptedException, ExecutionException {
        List<String> payloads = rows.stream().map(r -> r.values().toString()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t;
                parts.add(pool.submit(() -> {
                    writeEvery(rows, payloads, from, threads, update);
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            return rows.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private void writeEvery(List<TypedRecord> rows, List<String> payloads, int from, int step, boolean update)
            throws SQLException, IOException {
        List<FeatureDefinition> features = group.features();
        String cols = features.stream().map(f -> "\"" + f.name() + "\"").collect(Collectors.joining(", "));
        String rowSql = update
                ? "UPDATE " + ONLINE + " SET " + features.stream().filter(f -> !isId(f)).map(f -> "\"" + f.name() + "\" = ?")
                        .collect(Collectors.joining(", ")) + ", EVENT_MS = ?, EXPIRES_MS = ?, DELETED = ?, INVOKED_MS = ?"
                        + " WHERE \"" + BenchRecords.ID + "\" = ?"
                : "INSERT INTO " + ONLINE + " (" + cols + ", EVENT_MS, EXPIRES_MS, DELETED, INVOKED_MS) VALUES ("
                        + "?, ".repeat(features.size() + 3) + "?)";
        try (Connection c = connections.open();
             PreparedStatement row = c.prepareStatement(rowSql);
             FileChannel file = FileChannel.open(Files.createTempFile(directory, "raw-put-", ".bin"),
                     StandardOpenOption.WRITE)) {
            c.setAutoCommit(false);
            for (int i = from; i < rows.size(); i += step) {
                TypedRecord r = rows.get(i);
                long now = System.currentTimeMillis();
                int p = 1;
                for (FeatureDefinition f : features) {
                    if (update && isId(f)) {
                        continue;
                    }
                    bind(row, p++, f, r.value(f.name()));
                }
                row.setLong(p++, r.eventTime().toEpochMilli());
                row.setNull(p++, Types.BIGINT);
                row.setBoolean(p++, false);
                row.setLong(p++, now);
                if (update) {
                    row.setString(p, (String) r.recordIdentifier());
                }
                row.executeUpdate();
                byte[] bytes = payloads.get(i).getBytes(StandardCharsets.UTF_8);
                ByteBuffer frame = ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).flip();
                while (frame.hasRemaining()) {
                    file.write(frame);
                }
                c.commit();
            }
        }
    }

    private static boolean isId(FeatureDefinition f) {
        return f.name().equals(BenchRecords.ID);
    }

    private static void bind(PreparedStatement ps, int index, FeatureDefinition f, Object value) throws SQLException {
        switch (f.type()) {
            case INTEGRAL -> ps.setLong(index, (Long) value);
            case FRACTIONAL -> ps.setDouble(index, (Double) value);
            case STRING -> ps.setString(index, (String) value);
        }
    }
}
