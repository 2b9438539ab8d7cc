package org.featureworkbench.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;

/**
 * Moves the event times of the bundled sample CSVs by one offset, so that the newest of them is
 * the moment they are loaded. The files were written in November 2026; without the move, the
 * 30-day online TTL of the {@code transactions} sample would hide every transaction from a user
 * loading them a month later, and the purge would delete them. One offset for all files keeps
 * their relative times, so point-in-time joins between them work as before.
 *
 * <p>The sample files are this project's own: comma-separated, a header row, no quoted values.
 * A file that does not look like that is left as it is.
 */
final class SampleEventTimes {
    /** The event-time column of one sample CSV. */
    record EventColumn(Path csv, String column, FeatureType type) {
    }

    private SampleEventTimes() {
    }

    /** How far to move the files' event times so the newest lands at {@code now}, in whole minutes. */
    static Duration shift(List<EventColumn> files, Instant now) throws IOException {
        Instant newest = null;
        for (EventColumn f : files) {
            List<String> lines = Files.readAllLines(f.csv(), StandardCharsets.UTF_8);
            int index = columnIndex(lines, f.column());
            if (index < 0) {
                continue;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split(",", -1);
                if (index < values.length && !values[index].isBlank()) {
                    Instant t = EventTimes.parse(values[index], f.type(), f.column());
                    newest = newest == null || t.isAfter(newest) ? t : newest;
                }
            }
        }
        if (newest == null) {
            return Duration.ZERO;
        }
        return Duration.ofMinutes(Duration.between(newest, now).toMinutes());
    }

    /** Rewrites the file with every event time moved by {@code shift}. */
    static void move(EventColumn f, Duration shift) throws IOException {
        List<String> lines = Files.readAllLines(f.csv(), StandardCharsets.UTF_8);
        int index = columnIndex(lines, f.column());
        if (index < 0 || shift.isZero()) {
            return;
        }
        List<String> moved = new ArrayList<>(lines.size());
        moved.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            if (index < values.length && !values[index].isBlank()) {
                Instant t = EventTimes.parse(values[index], f.type(), f.column()).plus(shift);
                values[index] = EventTimes.format(t, f.type());
            }
            moved.add(String.join(",", values));
        }
        Files.write(f.csv(), moved, StandardCharsets.UTF_8);
    }

    /** The column's index in the header, or -1 when the file is not a plain one (quotes) or lacks it. */
    private static int columnIndex(List<String> lines, String column) {
        if (lines.isEmpty() || lines.stream().anyMatch(l -> l.indexOf('"') >= 0)) {
            return -1;
        }
        return List.of(lines.get(0).split(",", -1)).indexOf(column);
    }
}
