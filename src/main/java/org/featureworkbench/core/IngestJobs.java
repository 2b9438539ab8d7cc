package org.featureworkbench.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory list of this process's ingest jobs, newest first: every running job and the
 * latest {@value #KEPT_FINISHED} finished ones (older finished jobs are forgotten; their rejects
 * files stay). Thread-safe.
 */
final class IngestJobs {
    static final int KEPT_FINISHED = 100;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] ALPHANUMERICS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Deque<IngestJob> jobs = new ArrayDeque<>();

    IngestJobs(Clock clock) {
        this.clock = clock;
    }

    /** Registers a new job for the request. */
    synchronized IngestJob add(IngestRequest request) {
        var now = clock.instant();
        StringBuilder id = new StringBuilder(ID_TIME.format(now)).append('-');
        // Random, not a counter: another process (GUI and CLI) may submit in the same second.
        for (int i = 0; i < 6; i++) {
            id.append(ALPHANUMERICS[random.nextInt(ALPHANUMERICS.length)]);
        }
        IngestJob job = new IngestJob(id.toString(), request, now);
        jobs.addFirst(job);
        forgetOldFinished();
        return job;
    }

    /** Registers a new run of a recorded job under its id (a resume), replacing this process's entry of it. */
    synchronized IngestJob addResumed(IngestJobRecord record, IngestRequest request) {
        jobs.removeIf(j -> j.id().equals(record.id()));
        IngestJob job = new IngestJob(record.id(), request, clock.instant(), record);
        jobs.addFirst(job);
        forgetOldFinished();
        return job;
    }

    synchronized List<IngestJob> list() {
        return new ArrayList<>(jobs);
    }

    synchronized Optional<IngestJob> find(String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    private void forgetOldFinished() {
        long finished = jobs.stream().filter(j -> j.state().finished()).count();
        var it = jobs.descendingIterator();
        while (finished > KEPT_FINISHED && it.hasNext()) {
            if (it.next().state().finished()) {
                it.remove();
                finished--;
            }
        }
    }
}
