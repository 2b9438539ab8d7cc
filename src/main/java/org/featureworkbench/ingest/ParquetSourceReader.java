package org.featureworkbench.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/**
 * Reads a local Parquet file through parquet-avro, row by row. Only primitive, non-repeated
 * columns are accepted (a nested column refuses the file). Values become text by
 * {@link ParquetValues}: timestamps as ISO-8601 UTC, dates as {@code yyyy-MM-dd}, decimals in
 * plain notation. A row's "line" is its 1-based row number; its original text is a JSON object.
 */
public final class ParquetSourceReader implements SourceReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final long totalBytes;
    private final long totalRows;
    private final Columns header;
    private final ParquetReader<GenericRecord> reader;
    private long rowNumber;

    /**
     * @throws FeatureStoreException when the file is missing, empty, not Parquet, or has a nested column
     */
    public ParquetSourceReader(Path file) {
        this.label = file.getFileName().toString();
        this.totalBytes = SourceFiles.checkReadable(file);
        InputFile input = new LocalInputFile(file);
        MessageType schema;
        try (ParquetFileReader footer = ParquetFileReader.open(input)) {
            schema = footer.getFileMetaData().getSchema();
            totalRows = footer.getRecordCount();
        } catch (IOException | RuntimeException e) {
            // FileSignature caught files that are not Parquet at all; this is a damaged footer.
            throw new FeatureStoreException(label + " is a damaged Parquet file: its footer (the column list) cannot be"
                    + " read (" + plain(e) + "); copy or export the file again", e);
        }
        List<String> names = new ArrayList<>();
        for (Type field : schema.getFields()) {
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                throw new FeatureStoreException(label + ": column '" + field.getName() + "' is nested (a group, list or"
                        + " map); only flat columns can be ingested - select or flatten the columns first, e.g. with "
                        + "DuckDB: COPY (SELECT a, b.c AS b_c FROM 'file.parquet') TO 'flat.parquet'");
            }
            names.add(field.getName());
        }
        header = new Columns(names);
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        // Spark writes timestamps as INT96; read them as 12 raw bytes and convert them ourselves.
        conf.set("parquet.avro.readInt96AsFixed", "true");
        try {
            reader = AvroParquetReader.<GenericRecord>builder(input, conf).build();
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
    }

    /**
     * parquet-java's message with its Java object names ("LocalInputFile@77192705") replaced by
     * the file's name; a message that is only a class name becomes a plain phrase.
     */
    private String plain(Exception e) {
        String message = e instanceof java.nio.file.FileSystemException ? IoProblems.reason(e) : e.getMessage();
        if (message == null || message.isBlank()) {
            return "no further detail";
        }
        return message.replaceAll("(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*@[0-9a-f]+", label)
                .replaceAll("(?:java|org|com)\\.(?:[a-zA-Z_$][\\w$]*\\.)+([A-Z][\\w$]*(?:Exception|Error))", "error");
    }

    @Override
    public SourceRow next() {
        GenericRecord record;
        try {
            record = reader.read();
        } catch (IOException | RuntimeException e) {
            throw new FeatureStoreException(label + ": row " + (rowNumber + 1) + " cannot be read (" + plain(e)
                    + "); the file may be damaged", e);
        }
        if (record == null) {
            return null;
        }
        rowNumber++;
        String[] values = new String[header.size()];
        Map<String, String> rendered = new LinkedHashMap<>();
        String problem = null;
        for (int i = 0; i < values.length; i++) {
            Schema.Field field = record.getSchema().getField(header.name(i));
            String value = field == null ? null : ParquetValues.render(record.get(field.pos()), field.schema());
            values[i] = value;
            rendered.put(header.name(i), value);
            String tooLong = value == null ? null : SourceLimits.tooLong(header.name(i), value.length());
            if (problem == null && tooLong != null) {
                problem = "row " + rowNumber + ": " + tooLong;
            }
        }
        String original = toJson(rendered);
        return problem == null ? new SourceRow(rowNumber, original, header, values, null)
                : SourceRow.rejected(rowNumber, original, header, problem);
    }

    private static String toJson(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always renders as JSON", e);
        }
    }

    /** Rows in the file, from its footer. */
    public long totalRows() {
        return totalRows;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.PARQUET;
    }

    @Override
    public Columns header() {
        return header;
    }

    @Override
    public long bytesRead() {
        // Parquet reads by row group, not by byte; the share of rows read is the honest estimate.
        return totalRows == 0 ? totalBytes : (long) ((double) totalBytes * rowNumber / totalRows);
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public List<String> notes() {
        return List.of();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // Read-only file: nothing is lost when closing fails.
        }
    }
}
