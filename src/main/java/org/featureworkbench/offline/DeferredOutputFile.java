package org.featureworkbench.offline;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A local Parquet output file that is created on disk only when the writer flushes real data (a
 * row group, or the footer at close). A Parquet writer writes its 4-byte header when it opens and
 * then buffers rows in memory, so a bulk ingest can keep hundreds of hour partitions' writers open
 * without holding hundreds of file descriptors (macOS allows 256 per process by default). The file
 * is created with {@code CREATE_NEW}: an existing file is never overwritten. Not thread-safe.
 */
final class DeferredOutputFile implements OutputFile {
    /** Bytes kept in memory before the file is created; the header alone is 4. */
    private static final int DEFER_BYTES = 4096;

    private final Path path;
    private Stream stream;

    DeferredOutputFile(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        stream = new Stream();
        return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    /**
     * Closes the file descriptor, if the file was created, without letting the writer flush its
     * buffers: abandoning a file must not first encode and write everything it buffered.
     */
    void abandon() {
        if (stream != null && stream.out != null) {
            try {
                stream.out.close();
            } catch (IOException e) {
                // The file is deleted next; a close error changes nothing.
            }
        }
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    private final class Stream extends PositionOutputStream {
        private ByteArrayOutputStream pending = new ByteArrayOutputStream(64);
        private OutputStream out;
        private long position;

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            target(1).write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target(len).write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            open().close();
        }

        private OutputStream target(int len) throws IOException {
            if (out == null && pending.size() + len <= DEFER_BYTES) {
                return pending;
            }
            return open();
        }

        private OutputStream open() throws IOException {
            if (out == null) {
                out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), 64 * 1024);
                pending.writeTo(out);
                pending = null;
            }
            return out;
        }
    }
}
