package org.featureworkbench.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a built CSV part back: the header and each row's cells as text (quotes undone). */
final class OutputCsv {
    private OutputCsv() {
    }

    record Content(List<String> header, List<List<String>> rows) {
        List<String> column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new AssertionError("no column " + name + " in " + header);
            }
            return rows.stream().map(r -> r.get(i)).toList();
        }
    }

    static Content read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                rows.add(cells(line));
            }
        }
        return new Content(cells(lines.get(0)), rows);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
