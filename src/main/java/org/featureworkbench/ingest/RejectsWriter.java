package org.featureworkbench.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/**
 * Writes rejected rows to a CSV file as they arrive: columns {@code line,reason,original}, UTF-8
 * without a byte-order mark, one {@code \n} after each record, every value quoted when it holds a
 * comma, quote or line break (RFC 4180). The file is created (parent folders too) when the writer
 * is opened, so an ingest with no rejects leaves a file with just the header. Not thread-safe.
 */
public final class RejectsWriter implements RejectSink, AutoCloseable {
    private final Path file;
    private final Writer out;
    private long count;

    /**
     * @throws FeatureStoreException when the file cannot be created
     */
    public RejectsWriter(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 64 * 1024);
            out.write("line,reason,original\n");
        } catch (IOException e) {
            throw new FeatureStoreException("cannot create the rejects file " + file + ": " + IoProblems.reason(e)
                    + "; choose another path", e);
        }
    }

    @Override
    public void reject(RowRejection rejection) {
        try {
            out.write(Long.toString(rejection.line()));
            out.write(',');
            writeField(rejection.reason());
            out.write(',');
            writeField(rejection.originalText());
            out.write('\n');
            count++;
        } catch (IOException e) {
            throw new FeatureStoreException("cannot write the rejects file " + file + ": " + IoProblems.reason(e), e);
        }
    }

    private void writeField(String value) throws IOException {
        String v = value == null ? "" : value;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(v);
            return;
        }
        out.write('"');
        out.write(v.replace("\"", "\"\""));
        out.write('"');
    }

    /** Rows written so far. */
    public long count() {
        return count;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new FeatureStoreException("cannot finish the rejects file " + file + ": " + IoProblems.reason(e), e);
        }
    }
}
