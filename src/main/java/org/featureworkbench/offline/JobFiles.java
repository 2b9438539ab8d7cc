package org.featureworkbench.offline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the files a batch ingest publishes, so that a resumed or recovered ingest can tell
 * its own published rows from everything else (ADR 0020). The 16 alphanumerics of a published name
 * ({@link OfflineLayout}) become {@code <8-character job token><checkpoint, 4 base-36 digits><file
 * number, 4 base-36 digits>}: still SageMaker's layout, and unique because the token is random per
 * job and the checkpoint and file numbers count up within it. Immutable.
 *
 * @param token      the job's 8 letters or digits
 * @param checkpoint the number of the publish these files belong to (1 for the first)
 */
public record JobFiles(String token, int checkpoint) {
    /** Highest checkpoint and file number four base-36 digits hold. */
    static final int MAX_NUMBER = 36 * 36 * 36 * 36 - 1;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{8}");
    private static final Pattern NAME = Pattern.compile(
            "\\d{8}T\\d{6}Z_([A-Za-z0-9]{8})([0-9A-Z]{4})([0-9A-Z]{4})\\.parquet");

    public JobFiles {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("a job token is 8 letters or digits: " + token);
        }
        if (checkpoint < 1 || checkpoint > MAX_NUMBER) {
            throw new IllegalArgumentException("checkpoint out of range: " + checkpoint);
        }
    }

    /** A fresh random job token. */
    public static String newToken() {
        return OfflineLayout.randomId().substring(0, 8);
    }

    /** The same token's next publish. */
    JobFiles next() {
        return new JobFiles(token, checkpoint + 1);
    }

    /** The published name of this checkpoint's {@code fileNumber}-th file whose latest event has the prefix. */
    String fileName(String timestampPrefix, int fileNumber) {
        if (fileNumber < 0 || fileNumber > MAX_NUMBER) {
            throw new IllegalStateException("too many files in one checkpoint: " + fileNumber);
        }
        return timestampPrefix + "_" + token + base36(checkpoint) + base36(fileNumber) + OfflineLayout.PARQUET_SUFFIX;
    }

    /**
     * The checkpoint of a published file of the job with this token, or -1 when the file is not
     * one of that job's.
     */
    static int checkpointOf(String fileName, String token) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches() || !m.group(1).equals(token)) {
            return -1;
        }
        return Integer.parseInt(m.group(2), 36);
    }

    private static String base36(int n) {
        String digits = Integer.toString(n, 36).toUpperCase(Locale.ROOT);
        return "0".repeat(4 - digits.length()) + digits;
    }
}
