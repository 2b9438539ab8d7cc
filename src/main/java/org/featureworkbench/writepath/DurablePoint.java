package org.featureworkbench.writepath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.featureworkbench.database.TornCommits;

/**
 * A journal's last disk barrier, kept in its folder ({@value #FILE}): the sequence number up to
 * which every online change of the journal was in the database file whole. The mark in
 * {@code FWB_JOURNAL} may be torn after a kill (ADR 0010, addendum of 2026-12-05); this file is
 * written by the journal's owner after each barrier, so whoever settles the journal after its
 * owner died replays from here at the latest.
 */
final class DurablePoint {
    static final String FILE = "durable";

    private DurablePoint() {
    }

    /** Records {@code seq}; a write that fails leaves the older point, which is only more cautious. */
    static void write(Path journalDirectory, long seq) {
        Path file = journalDirectory.resolve(FILE);
        Path temp = journalDirectory.resolve(FILE + ".tmp");
        try {
            Files.writeString(temp, Long.toString(seq), StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The replay after a kill then starts earlier: more work, never a lost write.
        }
    }

    /** The recorded point, or {@link TornCommits#UNKNOWN_MARK} when there is none (replay everything). */
    static long read(Path journalDirectory) {
        try {
            return Long.parseLong(Files.readString(journalDirectory.resolve(FILE), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return TornCommits.UNKNOWN_MARK;
        }
    }

    static void delete(Path journalDirectory) throws IOException {
        Files.deleteIfExists(journalDirectory.resolve(FILE));
        Files.deleteIfExists(journalDirectory.resolve(FILE + ".tmp"));
    }
}
