package org.featureworkbench.api.server;

import java.time.Duration;

/**
 * What the server allows one client, so a hostile or broken one cannot exhaust it (ADR 0021).
 *
 * @param maxBodyBytes      the largest request body; SageMaker's largest record is 350 KB, and its
 *                          JSON list form adds names and quotes around each value
 * @param maxBatchBodyBytes the largest BatchWriteRecord body (up to 25 such records)
 * @param requestTimeout    how long a client may take to send one whole request (headers and body);
 *                          a client that trickles bytes is closed after it
 * @param idleTimeout       how long a kept-alive connection may stay silent between requests
 * @param threads           request threads; store calls block on the database, so a few more than cores
 * @param changeWait        how long a request that meets a feature group being changed (features
 *                          being added) waits for the change to end before it is answered
 *                          ServiceUnavailable ({@link GroupChangeWaits}); under the SDK for Java's
 *                          30 s socket timeout (Jetty's idle timeout does not end a request
 *                          being handled)
 */
public record ServerLimits(int maxBodyBytes, int maxBatchBodyBytes, Duration requestTimeout, Duration idleTimeout,
                           int threads, Duration changeWait) {

    /**
     * 512 KiB bodies (12.5 MiB for a batch write), 10 s per request, 30 s idle, 16 threads, 25 s of
     * waiting for a group being changed.
     */
    public static final ServerLimits DEFAULTS = new ServerLimits(512 * 1024, 25 * 512 * 1024,
            Duration.ofSeconds(10), Duration.ofSeconds(30), 16, Duration.ofSeconds(25));

    /** The body limit for {@code rawPath}. */
    int maxBodyBytes(String rawPath) {
        return rawPath.equals("/BatchWriteRecord") ? maxBatchBodyBytes : maxBodyBytes;
    }
}
