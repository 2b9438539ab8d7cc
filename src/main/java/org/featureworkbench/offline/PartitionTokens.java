package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The file tokens a partition's compactions absorbed (ADR 0017). An exactly-once append
 * ({@link OfflineStore#appendOnce}) recognises its earlier try by a file whose name ends with its
 * token; compaction merges such files under a new name, so before it deletes them it records their
 * tokens here, in the hidden file {@code .tokens} of the partition folder (a dot file: no read glob,
 * Spark or Hive picks it up). A token found here counts as published.
 *
 * <p>Order matters across processes: compaction writes this file before it deletes the files it
 * merged, and an append checks the file names before this file, so an append racing a compaction
 * sees the token in one or the other.
 */
final class PartitionTokens {
    static final String FILE = ".tokens";
    private static final int TOKEN_LENGTH = 16;

    private PartitionTokens() {
    }

    /** Whether a compaction of the partition folder absorbed a file carrying {@code token}. */
    static boolean contains(Path partition, String token) throws IOException {
        return read(partition).contains(token);
    }

    /** Every token the partition's {@code .tokens} holds (none when there is no such file). */
    static Set<String> all(Path partition) throws IOException {
        return read(partition);
    }

    /** Records the tokens of {@code files} (published data files of {@code partition}), durably. */
    static void absorb(Path partition, Collection<Path> files) throws IOException {
        absorb(partition, files, token -> true);
    }

    /**
     * Records the tokens of {@code files} and drops the earlier ones {@code stillNeeded} rejects
     * (ADR 0019 addendum 4: a token whose journal segment is gone can never be replayed). The
     * tokens of {@code files} are all kept: a segment created after {@code stillNeeded} was
     * computed may have published one of them and not be deleted yet.
     */
    static void absorb(Path partition, Collection<Path> files, Predicate<String> stillNeeded) throws IOException {
        Set<String> earlier = read(partition);
        Set<String> tokens = new LinkedHashSet<>();
        for (String token : earlier) {
            if (stillNeeded.test(token)) {
                tokens.add(token);
            }
        }
        for (Path file : files) {
            tokens.add(tokenOf(file));
        }
        if (tokens.equals(earlier)) {
            return;
        }
        Path temporary = partition.resolve(OfflineLayout.tempFileName("tokens"));
        Files.write(temporary, tokens, StandardCharsets.US_ASCII);
        DurableFiles.sync(temporary);
        // A second compaction of the partition adds to the tokens the first absorbed: replace the file.
        DurableFiles.replace(temporary, partition.resolve(FILE));
        DurableFiles.syncDirectory(partition);
    }

    /** The 16 alphanumerics of a published file name {@code <yyyyMMdd'T'HHmmss'Z'>_<token>.parquet}. */
    static String tokenOf(Path file) {
        String name = file.getFileName().toString();
        int end = name.length() - OfflineLayout.PARQUET_SUFFIX.length();
        return name.substring(end - TOKEN_LENGTH, end);
    }

    private static Set<String> read(Path partition) throws IOException {
        try {
            List<String> lines = Files.readAllLines(partition.resolve(FILE), StandardCharsets.US_ASCII);
            Set<String> tokens = new LinkedHashSet<>();
            for (String line : lines) {
                if (line.length() == TOKEN_LENGTH) {
                    tokens.add(line);
                }
            }
            return tokens;
        } catch (NoSuchFileException none) {
            return new LinkedHashSet<>();
        }
    }
}
