package org.featureworkbench.writepath;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Read-only inspection of the record journals for {@code check} and {@code repair}: every segment
 * file's frames and checksums, without decoding or replaying entries (that stays with
 * {@link JournalSettler}). Stateless and thread-safe.
 */
public final class JournalInspection {

    /** What is wrong with a segment, if anything. */
    public enum Problem {
        /** Every frame is whole and its checksum matches. */
        NONE,
        /** The file ends inside a frame: a write interrupted by a crash (never acknowledged). */
        TORN_TAIL,
        /** A frame's checksum or length is wrong: the bytes were changed after they were written. */
        BAD_FRAME
    }

    /**
     * One segment's state.
     *
     * @param segment   the file
     * @param bytes     its size
     * @param goodBytes the length of its leading run of intact frames
     * @param frames    how many intact frames that run holds
     * @param problem   what follows the run, if anything
     * @param live      whether the journal belongs to a running process (then its tail may be mid-write)
     */
    public record SegmentState(Path segment, long bytes, long goodBytes, int frames, Problem problem, boolean live) {
    }

    private JournalInspection() {
    }

    /** Every segment of every journal of the workspace, each journal's oldest first. */
    public static List<SegmentState> inspect(Path workspace) throws IOException {
        Path root = workspace.resolve(RecordJournal.FOLDER);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<SegmentState> states = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path journal : entries.filter(Files::isDirectory).sorted().toList()) {
                boolean live = isLive(root.resolve(journal.getFileName() + ".lock"));
                for (Path segment : JournalSegments.list(journal)) {
                    states.add(scan(segment, live));
                }
            }
        }
        return states;
    }

    /** Reads a segment's frame headers and checks every checksum. */
    static SegmentState scan(Path segment, boolean live) throws IOException {
        JournalCodec.Decoder decoder = new JournalCodec.Decoder();
        long size = Files.size(segment);
        long good = 0;
        int frames = 0;
        byte[] payload = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(segment);
             DataInputStream data = new DataInputStream(new BufferedInputStream(in, 256 * 1024))) {
            while (good < size) {
                if (size - good < JournalCodec.HEADER_BYTES) {
                    return new SegmentState(segment, size, good, frames, Problem.TORN_TAIL, live);
                }
                int length = data.readInt();
                int crc = data.readInt();
                if (length < 0 || length > 64 * 1024 * 1024) {
                    return new SegmentState(segment, size, good, frames, Problem.BAD_FRAME, live);
                }
                if (payload.length < length) {
                    payload = new byte[length];
                }
                try {
                    data.readFully(payload, 0, length);
                } catch (EOFException torn) {
                    return new SegmentState(segment, size, good, frames, Problem.TORN_TAIL, live);
                }
                if (!decoder.intact(payload, 0, length, crc)) {
                    return new SegmentState(segment, size, good, frames, Problem.BAD_FRAME, live);
                }
                good += JournalCodec.HEADER_BYTES + length;
                frames++;
            }
        }
        return new SegmentState(segment, size, good, frames, Problem.NONE, live);
    }

    /** True when a process holds the journal's lock file (in this JVM or another). */
    private static boolean isLive(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        RecordJournal.OwnerLock lock = RecordJournal.OwnerLock.tryAcquire(lockFile);
        if (lock == null) {
            return true;
        }
        lock.release(false);
        return false;
    }

    /** Cuts a dead journal's segment back to its intact frames (the caller keeps a copy of the original). */
    public static void truncateToIntactFrames(SegmentState state) throws IOException {
        if (state.live()) {
            throw new IllegalStateException("the journal " + state.segment().getParent() + " belongs to a running process");
        }
        try (FileChannel channel = FileChannel.open(state.segment(), StandardOpenOption.WRITE)) {
            channel.truncate(state.goodBytes());
            channel.force(true);
        }
    }
}
