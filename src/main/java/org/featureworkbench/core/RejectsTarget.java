package org.featureworkbench.core;

import java.nio.file.Path;
import org.featureworkbench.ingest.RejectSink;
import org.featureworkbench.ingest.RejectsWriter;
import org.featureworkbench.ingest.RowRejection;

/**
 * Where an ingest's rejected rows go: a {@link RejectsWriter} opened at the first reject (or at
 * once, when the user named the file), remembering the first reject for the error message of
 * {@code on-error fail}. Not thread-safe: called on the reading thread.
 */
final class RejectsTarget implements RejectSink, AutoCloseable {
    private final Path file;
    private RejectsWriter writer;
    private RowRejection first;
    private long count;

    /** @param createNow create the file even if no row is rejected (the user asked for it by name) */
    RejectsTarget(Path file, boolean createNow) {
        this.file = file;
        if (createNow) {
            writer = new RejectsWriter(file);
        }
    }

    @Override
    public void reject(RowRejection rejection) {
        if (writer == null) {
            writer = new RejectsWriter(file);
        }
        writer.reject(rejection);
        if (first == null) {
            first = rejection;
        }
        count++;
    }

    long count() {
        return count;
    }

    /** The first rejected row, or null. */
    RowRejection first() {
        return first;
    }

    /** The file, or null when it was never created. */
    Path fileOrNull() {
        return writer == null ? null : file;
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
