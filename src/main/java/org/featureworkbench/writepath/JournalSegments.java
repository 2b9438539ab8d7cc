package org.featureworkbench.writepath;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading journal segment files: their names, and their entries up to a torn tail. */
final class JournalSegments {
    static final String SUFFIX = ".seg";
    private static final Logger LOG = LoggerFactory.getLogger(JournalSegments.class);

    private JournalSegments() {
    }

    static Path path(Path journalDirectory, int number) {
        return journalDirectory.resolve(String.format("%08d", number) + SUFFIX);
    }

    static int number(Path segment) {
        String name = segment.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** The segment files of a journal folder, oldest first. */
    static List<Path> list(Path journalDirectory) throws IOException {
        if (!Files.isDirectory(journalDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journalDirectory)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{8}\\" + SUFFIX))
                    .sorted().toList();
        }
    }

    /**
     * The entries of a segment in write order, without those a later {@link JournalEntry.Kind#VOID}
     * entry of the same segment cancels. Stops at a torn tail (logged): such a write was never
     * acknowledged.
     */
    static List<JournalEntry> read(Path segment) throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        Set<Long> voided = new HashSet<>();
        JournalCodec.Decoder decoder = new JournalCodec.Decoder();
        byte[] payload = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(segment);
             DataInputStream data = new DataInputStream(new BufferedInputStream(in, 256 * 1024))) {
            while (true) {
                int length;
                int crc;
                try {
                    length = data.readInt();
                    crc = data.readInt();
                } catch (EOFException end) {
                    break; // clean end, or a tail torn inside the header
                }
                if (length < 0 || length > 64 * 1024 * 1024) {
                    LOG.warn("Journal segment {}: stopped at a damaged frame (length {})", segment, length);
                    break;
                }
                if (payload.length < length) {
                    payload = new byte[length];
                }
                try {
                    data.readFully(payload, 0, length);
                } catch (EOFException torn) {
                    LOG.warn("Journal segment {}: ignored a torn last write", segment);
                    break;
                }
                if (!decoder.intact(payload, 0, length, crc)) {
                    LOG.warn("Journal segment {}: stopped at a frame with a bad checksum", segment);
                    break;
                }
                JournalEntry e = decoder.decode(ByteBuffer.wrap(payload, 0, length));
                if (e == null) {
                    continue;
                }
                if (e.kind() == JournalEntry.Kind.VOID) {
                    voided.add(e.voidedSeq());
                } else {
                    entries.add(e);
                }
            }
        }
        if (!voided.isEmpty()) {
            entries.removeIf(e -> voided.contains(e.seq()));
        }
        return entries;
    }
}
