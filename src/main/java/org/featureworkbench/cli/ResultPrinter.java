package org.featureworkbench.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.query.RowSink;
import org.featureworkbench.query.ResultColumn;
import org.featureworkbench.query.ValueText;

/**
 * Prints a streamed query result as a text table, CSV (RFC 4180) or a JSON array of objects, row
 * by row: the table's column widths come from its first rows, so output starts at once and memory
 * stays flat. Not thread-safe.
 */
abstract class ResultPrinter implements RowSink {
    private static final int TABLE_SAMPLE_ROWS = 100;
    /** Rows are handed to the stream in chunks: System.out flushes at every line, a write call per row. */
    private static final int CHUNK_CHARS = 1 << 16;

    private final StringBuilder pending = new StringBuilder();
    private PrintStream target;

    /** Queues one line; the stream gets it with the next full chunk or at {@link #flushLines()}. */
    void line(CharSequence text) {
        pending.append(text).append('\n');
        if (pending.length() >= CHUNK_CHARS) {
            flushLines();
        }
    }

    /** Prints what is queued (a failed query's rows up to the failure), without ending the output. */
    void flushLines() {
        if (pending.length() > 0) {
            target.print(pending);
            pending.setLength(0);
        }
        target.flush();
    }

    /** {@code table}, {@code csv} or {@code json}. */
    static ResultPrinter of(String format, PrintStream out) {
        return switch (format) {
            case "csv" -> new Csv(out);
            case "json" -> new Json(out);
            default -> new Table(out);
        };
    }

    /** Ends the output (closes the JSON array, prints buffered table rows). */
    abstract void finish();

    void bind(PrintStream out) {
        target = out;
    }

    static String text(Object value) {
        return ValueText.of(value);
    }

    private static final class Table extends ResultPrinter {
        private final List<String[]> buffered = new ArrayList<>();
        private String[] header;
        private int[] widths;

        Table(PrintStream out) {
            bind(out);
        }

        @Override
        public void columns(List<ResultColumn> columns) {
            header = columns.stream().map(ResultColumn::name).toArray(String[]::new);
        }

        @Override
        public void row(Object[] values) {
            String[] cells = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                cells[i] = values[i] == null ? "NULL" : text(values[i]);
            }
            if (widths == null) {
                buffered.add(cells);
                if (buffered.size() == TABLE_SAMPLE_ROWS) {
                    flushBuffered();
                }
            } else {
                print(cells);
            }
        }

        private void flushBuffered() {
            widths = new int[header.length];
            for (int c = 0; c < header.length; c++) {
                widths[c] = header[c].length();
                for (String[] row : buffered) {
                    widths[c] = Math.max(widths[c], Math.min(60, row[c].length()));
                }
            }
            print(header);
            String[] rule = new String[header.length];
            for (int c = 0; c < header.length; c++) {
                rule[c] = "-".repeat(widths[c]);
            }
            print(rule);
            buffered.forEach(this::print);
            buffered.clear();
        }

        private void print(String[] cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.length; c++) {
                line.append(c == cells.length - 1 ? cells[c] : String.format("%-" + widths[c] + "s  ", cells[c]));
            }
            line(line.toString().stripTrailing());
        }

        @Override
        void finish() {
            if (widths == null && header != null) {
                flushBuffered();
            }
            flushLines();
        }
    }

    private static final class Csv extends ResultPrinter {
        Csv(PrintStream out) {
            bind(out);
        }

        @Override
        public void columns(List<ResultColumn> columns) {
            csvLine(columns.stream().map(ResultColumn::name).toArray());
        }

        @Override
        public void row(Object[] values) {
            csvLine(values);
        }

        private void csvLine(Object[] values) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                String v = text(values[i]);
                boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
                line.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            line(line);
        }

        @Override
        void finish() {
            flushLines();
        }
    }

    private static final class Json extends ResultPrinter {
        private final JsonGenerator json;
        private String[] names;

        Json(PrintStream out) {
            bind(out);
            try {
                json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void columns(List<ResultColumn> columns) {
            names = columns.stream().map(ResultColumn::name).toArray(String[]::new);
        }

        @Override
        public void row(Object[] values) {
            try {
                json.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    json.writeFieldName(names[i]);
                    Object v = values[i];
                    if (v == null) {
                        json.writeNull();
                    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                        json.writeNumber(((Number) v).longValue());
                    } else if (v instanceof Double d && Double.isFinite(d)) {
                        json.writeNumber(d);
                    } else if (v instanceof Float f && Float.isFinite(f)) {
                        json.writeNumber(f);
                    } else if (v instanceof java.math.BigDecimal bd) {
                        json.writeNumber(bd);
                    } else if (v instanceof Boolean b) {
                        json.writeBoolean(b);
                    } else if (v instanceof org.featureworkbench.query.NestedValue nested) {
                        json.writeRawValue(nested.json());
                    } else {
                        json.writeString(text(v));
                    }
                }
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void finish() {
            try {
                json.writeEndArray();
                json.writeRaw('\n');
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
