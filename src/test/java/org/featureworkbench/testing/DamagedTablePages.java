package org.featureworkbench.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.Record;
import org.featureworkbench.workspace.Workspace;

/**
 * Workspaces whose database file has random bytes inside an online table's pages: every name is in
 * place (the opening check passes), and only reading the table finds the damage — the issue's
 * "4 KB of random bytes written into the middle of online/workbench.mv.db".
 */
public final class DamagedTablePages {
    /** Records in the seeded group {@code customers}, so its table fills most of the file. */
    public static final int RECORDS = 3000;

    private DamagedTablePages() {
    }

    /** A workspace with group {@code customers} (both stores) holding {@link #RECORDS} records, flushed. */
    public static Path seed(Path dir) {
        try (FeatureStore store = Workspace.open(dir)) {
            store.createFeatureGroup(Definitions.customers("customers"));
            String eventTime = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
            for (int i = 0; i < RECORDS; i++) {
                store.records().putRecord("customers", Record.builder().put("customer_id", "customer-" + i)
                        .put("event_time", eventTime).put("age", Integer.toString(20 + i % 60))
                        .put("score", "0." + i).build(), null, null);
            }
            store.records().flush("customers");
        }
        return dir;
    }

    /**
     * Copies of {@code seeded} with 4 KB of noise at 5 %, 10 % … 95 % of the database file, in that
     * order, each in {@code temp/noise-at-N/<seeded's folder name>}. Callers keep the first that shows the case
     * they test (some places hit the file's header, some a free page, some a table page).
     */
    public static Stream<Path> copiesWithNoise(Path seeded, Path temp) {
        return Stream.iterate(1, i -> i <= 19, i -> i + 1).map(i -> {
            try {
                Path copy = copyTree(seeded, temp.resolve("noise-at-" + (i * 5)).resolve(seeded.getFileName().toString()));
                overwrite(copy.resolve("online").resolve("workbench.mv.db"), i / 20.0, 4096);
                return copy;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Writes {@code length} random bytes (always the same ones) at fraction {@code at} of the file. */
    public static void overwrite(Path file, double at, int length) throws IOException {
        byte[] noise = new byte[length];
        new Random(42).nextBytes(noise);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(Math.min((long) (raf.length() * at), Math.max(0, raf.length() - length)));
            raf.write(noise);
        }
    }

    /** Copies the folder {@code from} (a closed workspace) to {@code to}; returns {@code to}. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
