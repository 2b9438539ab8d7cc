package org.featureworkbench.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What any process has met of a damaged online table: H2 reads a page only when a query needs it,
 * so the opening check (which only compares names) cannot see a damaged page, but a command that
 * met one can leave word for every later opening. Kept in {@code <workspace>/online/damage-seen.txt},
 * one line per sighting ({@code group<TAB>time<TAB>what failed}); a full check that finds no damage,
 * or a complete repair, clears it. Appends are small single writes, so processes may add at once.
 */
final class DamageSeen {
    static final String FILE_NAME = "damage-seen.txt";

    private final Path file;

    DamageSeen(Path workspace) {
        this.file = workspace.resolve("online").resolve(FILE_NAME);
    }

    /** Notes that reading {@code group}'s online table failed with {@code message} at {@code time}. */
    void record(String group, String time, String message) {
        String line = oneLine(group) + "\t" + oneLine(time) + "\t" + oneLine(message) + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest sighting per group, in the order the groups were first seen; empty when none. */
    List<Sighting> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Map<String, Sighting> latest = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 3);
                if (parts.length == 3) {
                    latest.put(parts[0], new Sighting(parts[0], parts[1], parts[2]));
                }
            }
        } catch (IOException e) {
            // A torn last line or an unreadable file: what could be read is still worth saying.
            return new ArrayList<>(latest.values());
        }
        return new ArrayList<>(latest.values());
    }

    /** Forgets every sighting (after a check found no damage, or a repair). */
    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** One failed read: which group, when, and the message the command showed. */
    record Sighting(String group, String time, String message) {
    }
}
