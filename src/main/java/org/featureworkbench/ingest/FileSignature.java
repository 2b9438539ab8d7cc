package org.featureworkbench.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/**
 * What a source file's first and last bytes say it is, whatever its name says: a name is a
 * promise the bytes may not keep (a gzip file saved as {@code data.csv}, a Parquet export named
 * {@code .csv}). Checked before a reader opens the file, so the user hears "this is gzip" or "use
 * --format parquet" instead of a decoding error from deep inside the CSV or Parquet reader.
 */
enum FileSignature {
    GZIP("gzip-compressed", "gzip -dc %s > data.csv"),
    ZIP("a zip archive", "unzip %s"),
    BZIP2("bzip2-compressed", "bzip2 -dc %s > data.csv"),
    ZSTD("zstd-compressed", "zstd -dc %s > data.csv"),
    PARQUET("a Parquet file", null),
    /** Starts with Parquet's marker but does not end with it: cut short. */
    TRUNCATED_PARQUET("a Parquet file that is cut short", null),
    OTHER("", null);

    private static final byte[] PAR1 = {'P', 'A', 'R', '1'};

    private final String description;
    private final String decompress;

    FileSignature(String description, String decompress) {
        this.description = description;
        this.decompress = decompress;
    }

    /**
     * Refuses a file whose bytes do not fit the format it is about to be read as.
     *
     * @param file     the source (already checked to exist and be non-empty)
     * @param format   the format it will be read as
     * @param explicit whether the user chose the format (--format) rather than the name implying it
     * @throws FeatureStoreException saying what the file is and what to do
     */
    static void check(Path file, SourceFormat format, boolean explicit) {
        FileSignature signature = of(file);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String readAs = explicit ? "--format " + format.cliName() + " was given"
                : dot > 0 ? "its name ends in " + name.substring(dot) : "its name suggests " + format.cliName();
        if (signature.decompress != null) {
            throw new FeatureStoreException(name + " is " + signature.description + " (its first bytes say so, whatever"
                    + " its name); decompress it first, e.g. '" + String.format(signature.decompress, name)
                    + "', then ingest the file inside");
        }
        if (signature == PARQUET && format != SourceFormat.PARQUET) {
            throw new FeatureStoreException(name + " is a Parquet file (it starts and ends with Parquet's marker"
                    + " 'PAR1'), but " + readAs + "; pass --format parquet"
                    + (explicit ? " instead" : ", or rename it to end in .parquet"));
        }
        if (format == SourceFormat.PARQUET && signature == TRUNCATED_PARQUET) {
            throw new FeatureStoreException(name + " is a Parquet file that is cut short: it starts with Parquet's marker"
                    + " 'PAR1' but does not end with it, so its footer (the column list) is missing; copy or export"
                    + " the file again");
        }
        if (format == SourceFormat.PARQUET && signature == OTHER) {
            throw new FeatureStoreException(name + " is not a Parquet file: it does not start with Parquet's marker"
                    + " 'PAR1', though " + readAs + "; if it is text, pass --format csv or --format jsonl");
        }
    }

    static FileSignature of(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(4);
            readFully(channel, head, 0);
            byte[] b = head.array();
            int n = head.position();
            if (n >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
                return GZIP;
            }
            if (n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
                return ZIP;
            }
            if (n >= 3 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') {
                return BZIP2;
            }
            if (n >= 4 && (b[0] & 0xff) == 0x28 && (b[1] & 0xff) == 0xb5 && (b[2] & 0xff) == 0x2f
                    && (b[3] & 0xff) == 0xfd) {
                return ZSTD;
            }
            if (n == 4 && java.util.Arrays.equals(b, PAR1)) {
                long size = channel.size();
                ByteBuffer tail = ByteBuffer.allocate(4);
                if (size >= 12) {
                    readFully(channel, tail, size - 4);
                }
                return tail.position() == 4 && java.util.Arrays.equals(tail.array(), PAR1) ? PARQUET : TRUNCATED_PARQUET;
            }
            return OTHER;
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e)
                    + "; check that the file exists and can be read", e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                return;
            }
        }
    }
}
