package org.featureworkbench.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test files under src/test/resources/ingest and small helpers to read them. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/ingest/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SourceRow> readAll(Path file) {
        return readAll(file, SourceOptions.DETECT);
    }

    static List<SourceRow> readAll(Path file, SourceOptions options) {
        List<SourceRow> rows = new ArrayList<>();
        try (SourceReader reader = SourceReaders.open(file, options)) {
            for (SourceRow row; (row = reader.next()) != null; ) {
                rows.add(row);
            }
        }
        return rows;
    }
}
