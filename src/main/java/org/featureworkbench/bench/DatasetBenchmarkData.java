package org.featureworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The generated files of {@code bench dataset}, written line by line (never held in the heap) and
 * deterministic for given sizes.
 *
 * <p>A group's history gives each record id about {@code rows / ids} versions. Its rows are cut into
 * that many consecutive time slots of equal length; each id has exactly one row per slot, at a
 * random moment inside it. So event times spread over the whole span, and no id ever has two rows
 * at the same event time: the data has no duplicates (and no deletes), so the builder, a bare
 * ASOF join and pandas must produce the same rows.
 *
 * <p>The base ("entity file") has ids drawn from 5 % more ids than the groups hold (unmatched rows),
 * event times uniform over the same span (so some fall before an id's first version), and a label.
 */
final class DatasetBenchmarkData {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final int DAYS = 90;
    static final long SPAN_SECONDS = DAYS * 86_400L;
    static final String BASE_TIME = "event_time";
    static final String LABEL = "label";
    /** The base file's columns, in order. */
    static final List<DatasetBenchmarkColumn> BASE_COLUMNS = List.of(
            DatasetBenchmarkColumn.of(DatasetBenchmarkGroup.ID, DatasetBenchmarkColumn.Kind.INTEGER),
            DatasetBenchmarkColumn.of(BASE_TIME, DatasetBenchmarkColumn.Kind.ISO_TIME),
            DatasetBenchmarkColumn.of(LABEL, DatasetBenchmarkColumn.Kind.INTEGER));
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DatasetBenchmarkData() {
    }

    /** Writes {@code rows} history rows of {@code group} over {@code ids} record ids (1..ids). */
    static void writeHistory(Path file, DatasetBenchmarkGroup group, long rows, int ids) throws IOException {
        SplittableRandom random = new SplittableRandom(group.seed());
        long slots = (rows + ids - 1) / ids;
        long slotSeconds = Math.max(1, SPAN_SECONDS / slots);
        long first = START.getEpochSecond();
        List<DatasetBenchmarkColumn> columns = group.columns();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header(columns));
            StringBuilder line = new StringBuilder(160);
            for (long i = 0; i < rows; i++) {
                long slot = i / ids;
                // Milliseconds inside the slot; a seconds-only group drops them, still inside its own slot.
                long millis = (first + slot * slotSeconds) * 1000 + random.nextLong(slotSeconds * 1000);
                line.setLength(0);
                line.append(1 + i % ids).append(',').append(time(group.time().kind(), millis,
                        group.millisecondText()));
                for (DatasetBenchmarkColumn c : group.features()) {
                    line.append(',').append(value(c, random));
                }
                out.append(line).append('\n');
            }
        }
    }

    /** Writes the base file: {@code rows} rows of (customer_id, event_time, label). */
    static void writeBase(Path file, long rows, int ids) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int drawn = ids + Math.max(1, ids / 20);
        long first = START.getEpochSecond();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header(BASE_COLUMNS));
            StringBuilder line = new StringBuilder(48);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(1 + random.nextInt(drawn)).append(',')
                        .append(ISO_SECONDS.format(Instant.ofEpochSecond(first + random.nextLong(SPAN_SECONDS))))
                        .append(',').append(random.nextInt(10) == 0 ? 1 : 0).append('\n');
                out.append(line);
            }
        }
    }

    static String header(List<DatasetBenchmarkColumn> columns) {
        StringBuilder b = new StringBuilder();
        for (DatasetBenchmarkColumn c : columns) {
            b.append(b.isEmpty() ? "" : ",").append(c.name());
        }
        return b.append('\n').toString();
    }

    /** An event time as the group stores it: ISO text (seconds or milliseconds) or epoch seconds with 3 decimals. */
    static String time(DatasetBenchmarkColumn.Kind kind, long epochMillis, boolean millisecondText) {
        if (kind == DatasetBenchmarkColumn.Kind.EPOCH_TIME) {
            // Written by hand: Double.toString would print 1.7040672E9.
            return String.format(Locale.ROOT, "%d.%03d", Math.floorDiv(epochMillis, 1000), Math.floorMod(epochMillis, 1000));
        }
        Instant t = Instant.ofEpochMilli(epochMillis);
        return millisecondText ? ISO_MILLIS.format(t) : ISO_SECONDS.format(t);
    }

    private static String value(DatasetBenchmarkColumn c, SplittableRandom random) {
        return switch (c.kind()) {
            case INTEGER -> Integer.toString(random.nextInt(1_000));
            // Below 1e7, so Double.toString never switches to E notation.
            case DOUBLE -> Double.toString(random.nextInt(10_000_000) / 100.0);
            case TEXT -> {
                String v = c.vocabulary().get(random.nextInt(c.vocabulary().size()));
                yield v.indexOf(',') >= 0 ? '"' + v + '"' : v;
            }
            default -> throw new IllegalArgumentException("no generated features of kind " + c.kind());
        };
    }
}
