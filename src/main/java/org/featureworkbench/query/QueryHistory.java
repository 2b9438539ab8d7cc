package org.featureworkbench.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queries a user ran, newest first, kept in {@code <workspace>/query/history.jsonl} (one JSON
 * string a line, so multi-line SQL survives) and capped at {@value #MAX_ENTRIES} entries. Running
 * a query again moves it to the top. A damaged or unreadable file reads as an empty history; it
 * never stops a query. Thread-safe.
 */
public final class QueryHistory {
    static final int MAX_ENTRIES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(QueryHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public QueryHistory(Path file) {
        this.file = file;
    }

    /** The queries, newest first. */
    public synchronized List<String> entries() {
        List<String> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    String sql = JSON.readValue(line, String.class);
                    if (!entries.contains(sql)) {
                        entries.add(sql);
                    }
                } catch (IOException damagedLine) {
                    // one bad line (a crash mid-write) must not hide the others
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not read the query history {}: {}", file, e.getMessage());
        }
        return entries;
    }

    /** Adds a query at the top (blank text is ignored). */
    public synchronized void add(String sql) {
        if (sql == null || sql.isBlank()) {
            return;
        }
        List<String> entries = entries();
        entries.remove(sql.strip());
        entries.add(0, sql.strip());
        List<String> kept = entries.subList(0, Math.min(MAX_ENTRIES, entries.size()));
        StringBuilder text = new StringBuilder();
        for (int i = kept.size() - 1; i >= 0; i--) {
            try {
                text.append(JSON.writeValueAsString(kept.get(i))).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save the query history {}: {}", file, e.getMessage());
        }
    }
}
