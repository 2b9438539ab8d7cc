package org.featureworkbench.offline;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * File and folder names below a group's {@code data/} folder, byte-for-byte SageMaker's:
 * {@code year=YYYY/month=MM/day=DD/hour=HH/<yyyyMMdd'T'HHmmss'Z' of the latest event>_<16 alphanumerics>.parquet}.
 * Unpublished files start with a dot and end in {@code .tmp}, so neither DuckDB's
 * {@code *.parquet} glob nor Spark/Hive (which skip dot files) pick them up. Thread-safe.
 */
final class OfflineLayout {
    static final String DATA = "data";
    static final String TEMP_SUFFIX = ".tmp";
    static final String PARQUET_SUFFIX = ".parquet";
    /** A published data file name. */
    static final Pattern DATA_FILE = Pattern.compile("\\d{8}T\\d{6}Z_[A-Za-z0-9]{16}\\.parquet");

    private static final char[] ALPHANUMERICS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OfflineLayout() {
    }

    /** The event-time hour of an instant: whole hours since the epoch (UTC). */
    static long hourOf(Instant eventTime) {
        return Math.floorDiv(eventTime.getEpochSecond(), 3600L);
    }

    /** {@code year=YYYY/month=MM/day=DD/hour=HH} of an hour, relative to {@code data/}. */
    static Path partitionPath(Path dataDirectory, long hour) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(hour * 3600L, 0, ZoneOffset.UTC);
        return dataDirectory.resolve(String.format("year=%04d", t.getYear()))
                .resolve(String.format("month=%02d", t.getMonthValue()))
                .resolve(String.format("day=%02d", t.getDayOfMonth()))
                .resolve(String.format("hour=%02d", t.getHour()));
    }

    /** A fresh published file name for a file whose latest event is {@code latestEvent}. */
    static String dataFileName(Instant latestEvent) {
        return timestampPrefix(latestEvent) + "_" + randomId() + PARQUET_SUFFIX;
    }

    /** The name of a published file whose latest event has this prefix ({@code yyyyMMdd'T'HHmmss'Z'}). */
    static String dataFileName(String timestampPrefix) {
        return timestampPrefix + "_" + randomId() + PARQUET_SUFFIX;
    }

    static String timestampPrefix(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        return String.format("%04d%02d%02dT%02d%02d%02dZ", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
    }

    /** A temporary name outside every read glob, in the same folder as its final name. */
    static String tempFileName(String purpose) {
        return "." + purpose + "-" + randomId() + TEMP_SUFFIX;
    }

    static boolean isPublished(Path file) {
        return DATA_FILE.matcher(file.getFileName().toString()).matches();
    }

    static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
    }

    static String randomId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHANUMERICS[RANDOM.nextInt(ALPHANUMERICS.length)];
        }
        return new String(id);
    }
}
