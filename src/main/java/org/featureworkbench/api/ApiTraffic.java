package org.featureworkbench.api;

/**
 * What the status bar shows of a running server.
 *
 * @param requests          requests answered since start
 * @param errors            of those, answered with a 4xx or 5xx status
 * @param requestsPerSecond requests answered in the last full second
 */
public record ApiTraffic(long requests, long errors, double requestsPerSecond) {
}
