package org.featureworkbench.ingest;

/**
 * Reads a source file as a stream of rows, one at a time, holding only a bounded buffer in memory.
 *
 * <p>Row-level problems (a ragged row, an over-long value, a line that is not a JSON object) do
 * not throw: the row comes back with a {@link SourceRow#problem()}. File-level problems (the
 * file is missing, empty, not decodable, has a quote that never closes, duplicate header names)
 * throw a {@link org.featureworkbench.model.FeatureStoreException} whose message says what,
 * where ({@code file:line}) and how to fix it.
 *
 * <p>Not thread-safe: one thread reads a reader. {@link #close()} may be called at any time.
 */
public interface SourceReader extends AutoCloseable {

    /** The format being read. */
    SourceFormat format();

    /** The column names known so far (a JSON Lines source may discover more as it reads). */
    Columns header();

    /**
     * The next row, or null at the end of the file.
     *
     * @throws org.featureworkbench.model.FeatureStoreException on a file-level problem
     */
    SourceRow next();

    /** Bytes of the file consumed so far (for progress; may run ahead of the rows returned by a buffer). */
    long bytesRead();

    /** The file's size in bytes. */
    long totalBytes();

    /** Things the reader noticed that a user should know, e.g. a renamed blank header. */
    java.util.List<String> notes();

    @Override
    void close();
}
