package org.featureworkbench.offline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;
import org.featureworkbench.model.FeatureType;

/**
 * Encodes the rows of one {@link HourBuffer} as a Parquet file of one row group, column by column,
 * through parquet-java's {@link ParquetFileWriter} (which writes the page headers, column and
 * offset indexes and footer). The file is what parquet-avro would write for {@link OfflineSchema}
 * (same schema, footer metadata, v1 pages, statistics), but the values go from the buffer's bytes
 * into each page in one tight loop per column instead of through parquet-java's record shredding,
 * which took most of an ingest's Parquet time: an {@code bench ingest} publish writes 720 hour
 * files. Not thread-safe; one per file.
 */
final class HourRowGroupEncoder {
    /** Rows per data page (parquet-java's default row limit). */
    static final int PAGE_ROWS = 20_000;
    /** Buffer bytes per page slice, so pages of long Strings stay around a megabyte or so per column. */
    static final int PAGE_SOURCE_BYTES = 4 << 20;

    private final MessageType schema;
    private final FeatureType[] types;
    private final PageCompressor compressor;

    HourRowGroupEncoder(MessageType schema, FeatureType[] types, PageCompressor compressor) {
        this.schema = schema;
        this.types = types;
        this.compressor = compressor;
    }

    /**
     * Writes the rows serialised in {@code b} ({@link HourBuffer#toArray}) as the file's row group
     * and ends the file with {@code footer}.
     *
     * @param dictionaryCandidates per feature, whether a dictionary may pay (not near-unique)
     */
    void write(ParquetFileWriter out, byte[] b, long rows, boolean[] dictionaryCandidates, long apiInvocationMicros,
               long writeMicros, Map<String, String> footer) throws IOException {
        Scratch scratch = SCRATCH.get();
        try {
            encode(out, b, rows, dictionaryCandidates, apiInvocationMicros, writeMicros, footer, scratch);
        } finally {
            scratch.trim();
        }
    }

    private void encode(ParquetFileWriter out, byte[] b, long rows, boolean[] dictionaryCandidates,
                        long apiInvocationMicros, long writeMicros, Map<String, String> footer, Scratch scratch)
            throws IOException {
        List<ColumnDescriptor> columns = schema.getColumns();
        int features = types.length;
        HourColumnChunk[] chunks = new HourColumnChunk[features];
        for (int c = 0; c < features; c++) {
            chunks[c] = new HourColumnChunk(columns.get(c), types[c], dictionaryCandidates[c], b, compressor,
                    scratch);
        }
        ConstantChunk apiTime = ConstantChunk.ofLong(columns.get(features), apiInvocationMicros);
        ConstantChunk writeTime = ConstantChunk.ofLong(columns.get(features + 1), writeMicros);
        ConstantChunk deleted = ConstantChunk.ofFalse(columns.get(features + 2));

        // Sized to the file: an hour of ~1,400 rows must not allocate a page's worth (~1 MB, a
        // humongous G1 object; 720 of them per publish kept the collector busy).
        int stride = (int) Math.min(PAGE_ROWS, rows);
        int[] at = scratch.positions(features * stride);
        int p = 0;
        long left = rows;
        while (left > 0) {
            // One pass over the page's rows finds where every value starts; then column by column.
            int n = 0;
            int sliceStart = p;
            while (n < stride && left > 0 && p - sliceStart < PAGE_SOURCE_BYTES) {
                for (int c = 0; c < features; c++) {
                    at[c * stride + n] = p;
                    p = skipValue(b, p, types[c]);
                }
                n++;
                left--;
            }
            for (int c = 0; c < features; c++) {
                chunks[c].addPage(b, at, c * stride, n);
            }
            apiTime.addPage(n);
            writeTime.addPage(n);
            deleted.addPage(n);
        }
        out.start();
        out.startBlock(rows);
        for (HourColumnChunk chunk : chunks) {
            chunk.writeTo(out);
        }
        apiTime.writeTo(out, compressor);
        writeTime.writeTo(out, compressor);
        deleted.writeTo(out, compressor);
        out.endBlock();
        out.end(footer);
    }

    /**
     * Arrays one file's encoding reuses from page to page and column to column, kept per thread
     * (a pool thread encodes one file at a time). JFR put the per-file allocation of these arrays,
     * mostly their zeroing, at about a tenth of the encoding; timed runs did not show it beyond
     * their noise. What a big hour made grow is dropped after its file ({@link #trim}), so the
     * pool's idle threads keep a few hundred kB each at most.
     */
    static final class Scratch {
        private static final int KEEP_BYTES = 256 * 1024;
        PageBytes page = new PageBytes(64 * 1024);
        private int[] positions = new int[0];
        private long[] numbers = new long[0];
        private int[] ids = new int[0];

        int[] positions(int n) {
            if (positions.length < n) {
                positions = new int[n];
            }
            return positions;
        }

        long[] numbers(int n) {
            if (numbers.length < n) {
                numbers = new long[n];
            }
            return numbers;
        }

        int[] ids(int n) {
            if (ids.length < n) {
                ids = new int[n];
            }
            return ids;
        }

        void trim() {
            if (page.array().length > KEEP_BYTES) {
                page = new PageBytes(64 * 1024);
            }
            if (positions.length * 4L > KEEP_BYTES) {
                positions = new int[0];
            }
            if (numbers.length * 8L > KEEP_BYTES) {
                numbers = new long[0];
            }
            if (ids.length * 4L > KEEP_BYTES) {
                ids = new int[0];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static int skipValue(byte[] b, int p, FeatureType type) {
        if (b[p] == 0) {
            return p + 1;
        }
        int q = p + 1;
        switch (type) {
            case FRACTIONAL -> {
                return p + 9;
            }
            case INTEGRAL -> {
                while (b[q] < 0) {
                    q++;
                }
                return q + 1;
            }
            default -> {
                int first = b[q];
                if (first >= 0) {
                    return q + 1 + first; // a String under 128 bytes: its length is one byte
                }
                int length = HourBuffer.stringLength(b, q);
                while (b[q] < 0) {
                    q++;
                }
                return q + 1 + length;
            }
        }
    }

    /** A required column with the same value in every row: {@code api_invocation_time}, {@code write_time}, {@code is_deleted}. */
    private static final class ConstantChunk {
        private final ColumnDescriptor descriptor;
        private final boolean isBoolean;
        private final long value;
        private final List<Integer> pageRows = new ArrayList<>();
        private long rows;

        private ConstantChunk(ColumnDescriptor descriptor, boolean isBoolean, long value) {
            this.descriptor = descriptor;
            this.isBoolean = isBoolean;
            this.value = value;
        }

        static ConstantChunk ofLong(ColumnDescriptor descriptor, long value) {
            return new ConstantChunk(descriptor, false, value);
        }

        static ConstantChunk ofFalse(ColumnDescriptor descriptor) {
            return new ConstantChunk(descriptor, true, 0);
        }

        void addPage(int n) {
            pageRows.add(n);
            rows += n;
        }

        void writeTo(ParquetFileWriter out, PageCompressor compressor) throws IOException {
            out.startColumn(descriptor, rows, compressor.codec());
            byte[] bound = isBoolean ? new byte[] {0} : HourColumnChunk.littleEndian(value);
            if (!isBoolean) {
                // A one-entry dictionary, as parquet-java keeps for a constant column: each data page
                // is then a bit width of 0 and one RLE run, not 8 bytes per row (16 MB of PLAIN
                // longs per million rows, all of it through the compressor).
                byte[] compressed = compressor.compress(bound, bound.length);
                out.writeDictionaryPage(new DictionaryPage(BytesInput.from(compressed), bound.length, 1,
                        Encoding.PLAIN_DICTIONARY));
            }
            PageBytes page = new PageBytes(1024);
            for (int n : pageRows) {
                page.reset();
                if (isBoolean) {
                    // PLAIN booleans are bit-packed, one bit per value: all false is all zero bits.
                    page.write(new byte[(n + 7) / 8], 0, (n + 7) / 8);
                } else {
                    page.writeByte(0); // bit width of the ids: one dictionary entry needs none
                    page.writeVarint(n << 1); // one RLE run of n ids 0, its value in zero bytes
                }
                Statistics<?> stats = Statistics.getBuilderForReading(descriptor.getPrimitiveType())
                        .withMin(bound).withMax(bound).withNumNulls(0).build();
                byte[] compressed = compressor.compress(page.array(), page.length());
                out.writeDataPage(n, page.length(), BytesInput.from(compressed), stats, n, Encoding.BIT_PACKED,
                        Encoding.BIT_PACKED, isBoolean ? Encoding.PLAIN : Encoding.PLAIN_DICTIONARY);
            }
            out.endColumn();
        }
    }
}
