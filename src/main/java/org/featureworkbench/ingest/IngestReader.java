package org.featureworkbench.ingest;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a file through a {@link FeatureMapping}: iterating gives the rows that can be stored;
 * every other row goes to the {@link RejectSink} and is counted. Nothing here writes to a store,
 * so the caller decides what to do with the rows (bulk offline append, online upsert).
 *
 * <p>Streams: memory use is bounded by the source's buffer and one row (a CSV source: a few
 * blocks of rows read ahead on another thread, {@link PrefetchingSourceReader}), whatever the file size.
 * Checks the cancellation token every {@value #CANCEL_CHECK_ROWS} rows and reports progress at
 * most every {@value #PROGRESS_INTERVAL_MS} ms (and once at the end). Not thread-safe: one thread
 * iterates; the token may be set from any thread.
 */
public final class IngestReader implements Iterator<MappedRow>, AutoCloseable {
    static final int CANCEL_CHECK_ROWS = 256;
    static final long PROGRESS_INTERVAL_MS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(IngestReader.class);

    private final Path file;
    private final SourceReader source;
    private final FeatureMapping mapping;
    private final RejectSink rejects;
    private final ProgressListener progress;
    private final CancellationToken cancel;
    private long read;
    private long accepted;
    private long rejected;
    private long lastReportNanos = System.nanoTime();
    private MappedRow lookahead;
    private boolean done;

    private IngestReader(Path file, SourceReader source, FeatureMapping mapping, RejectSink rejects,
                         ProgressListener progress, CancellationToken cancel) {
        this.file = file;
        this.source = source;
        this.mapping = mapping;
        this.rejects = rejects;
        this.progress = progress;
        this.cancel = cancel;
    }

    /**
     * Opens the file and plans its mapping onto the group.
     *
     * @throws org.featureworkbench.model.FeatureStoreException on a file-level problem or when the
     *         record identifier / event time cannot be mapped
     */
    public static IngestReader open(Path file, IngestOptions options, FeatureGroupDefinition group, RejectSink rejects,
                                    ProgressListener progress, CancellationToken cancel) {
        SourceReader source = SourceReaders.open(file, options.source());
        if (source.format() == SourceFormat.CSV && PrefetchingSourceReader.worthIt()) {
            // Decoding and splitting the CSV run a block ahead on another core (header and notes are final).
            source = new PrefetchingSourceReader(source, "ingest-read-" + file.getFileName());
        }
        try {
            FeatureMapping mapping = FeatureMapping.plan(source.header(), group, options.mapping());
            LOG.info("reading {} as {} for group {}: columns {}, unmapped {}, absent features {}{}", file,
                    source.format().cliName(), group.name(), source.header(), mapping.unmappedColumns(),
                    mapping.absentFeatures(), source.notes().isEmpty() ? "" : ", notes " + source.notes());
            return new IngestReader(file, source, mapping, rejects == null ? RejectSink.NONE : rejects,
                    progress == null ? ProgressListener.NONE : progress, cancel == null ? CancellationToken.NONE : cancel);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** As {@link #open(Path, IngestOptions, FeatureGroupDefinition, RejectSink, ProgressListener, CancellationToken)} without progress or cancellation. */
    public static IngestReader open(Path file, IngestOptions options, FeatureGroupDefinition group, RejectSink rejects) {
        return open(file, options, group, rejects, null, null);
    }

    /**
     * @throws IngestCancelledException when cancellation was requested
     * @throws org.featureworkbench.model.FeatureStoreException on a file-level problem met mid-file
     */
    @Override
    public boolean hasNext() {
        while (lookahead == null && !done) {
            if (read % CANCEL_CHECK_ROWS == 0) {
                checkCancelled();
                maybeReport();
            }
            SourceRow row = source.next();
            if (row == null) {
                done = true;
                progress.onProgress(counts());
                LOG.info("read {}: {} rows, {} accepted, {} rejected", file, read, accepted, rejected);
                break;
            }
            read++;
            MappingOutcome outcome = mapping.map(row);
            if (outcome instanceof MappedRow mapped) {
                accepted++;
                lookahead = mapped;
            } else {
                rejected++;
                rejects.reject((RowRejection) outcome);
            }
        }
        return lookahead != null;
    }

    @Override
    public MappedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + file);
        }
        MappedRow row = lookahead;
        lookahead = null;
        return row;
    }

    private void checkCancelled() {
        if (cancel.isCancellationRequested()) {
            LOG.info("reading {} cancelled after {} rows", file, read);
            throw new IngestCancelledException("ingest of " + file.getFileName() + " cancelled after " + read + " rows");
        }
    }

    private void maybeReport() {
        long now = System.nanoTime();
        if (now - lastReportNanos >= PROGRESS_INTERVAL_MS * 1_000_000L) {
            lastReportNanos = now;
            progress.onProgress(counts());
        }
    }

    /** Counts so far. */
    public IngestProgress counts() {
        return new IngestProgress(read, accepted, rejected, source.bytesRead(), source.totalBytes());
    }

    /** The mapping in use (unmapped columns, absent features). */
    public FeatureMapping mapping() {
        return mapping;
    }

    /** The source being read (format, header, notes). */
    public SourceReader source() {
        return source;
    }

    @Override
    public void close() {
        source.close();
    }
}
