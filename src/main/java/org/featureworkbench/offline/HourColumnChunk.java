package org.featureworkbench.offline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.PrimitiveType;
import org.featureworkbench.model.FeatureType;

/**
 * The pages of one feature's column chunk in an hour file, encoded from {@link HourBuffer} rows as
 * parquet-java's v1 writer would encode them: definition levels RLE, values PLAIN_DICTIONARY with
 * the dictionary page first, or PLAIN for a feature that is {@link HourBuffer#nearUniqueFeatures
 * near-unique} or whose dictionary grows too big (parquet-java's fallback rules); statistics per
 * page. Pages are held compressed until the whole chunk is written, because a chunk's pages must
 * be contiguous in the file. Not thread-safe.
 */
final class HourColumnChunk {
    /** Dictionary bytes (PLAIN-encoded values) above which later pages fall back to PLAIN, as parquet-java's default. */
    static final int MAX_DICTIONARY_BYTES = 1 << 20;

    private record EncodedPage(byte[] compressed, int uncompressedSize, int values, Statistics<?> statistics,
                               Encoding valuesEncoding) {
    }

    private final ColumnDescriptor descriptor;
    private final PrimitiveType primitive;
    private final FeatureType type;
    private final PageCompressor compressor;
    private final HourRowGroupEncoder.Scratch scratch;
    /** The scratch page being encoded (the file's scratch; valid during {@link #addPage}). */
    private PageBytes page;
    private final List<EncodedPage> pages = new ArrayList<>();
    private final LongDictionary numbers;
    private final SliceDictionary strings;
    private boolean dictionaryOpen;
    private boolean dictionaryUsed;
    private long values;
    private long[] decoded;
    private int[] ids;

    HourColumnChunk(ColumnDescriptor descriptor, FeatureType type, boolean tryDictionary, byte[] source,
                    PageCompressor compressor, HourRowGroupEncoder.Scratch scratch) {
        this.descriptor = descriptor;
        this.primitive = descriptor.getPrimitiveType();
        this.type = type;
        this.compressor = compressor;
        this.scratch = scratch;
        this.dictionaryOpen = tryDictionary;
        this.numbers = tryDictionary && type != FeatureType.STRING ? new LongDictionary() : null;
        this.strings = tryDictionary && type == FeatureType.STRING ? new SliceDictionary(source) : null;
    }

    /**
     * Encodes one page from {@code n} rows: {@code at[from + r]} is where row {@code r}'s value of
     * this feature starts in {@code b} (a tag byte, then the value as {@link HourBuffer} writes it).
     */
    void addPage(byte[] b, int[] at, int from, int n) throws IOException {
        page = scratch.page;
        page.reset();
        int present = writeDefinitionLevels(b, at, from, n);
        Statistics.Builder stats = Statistics.getBuilderForReading(primitive).withNumNulls(n - present);
        ids = scratch.ids(present);
        boolean dictionary = type == FeatureType.STRING ? encodeStrings(b, at, from, n, present, stats)
                : encodeNumbers(b, at, from, n, present, stats);
        dictionaryUsed |= dictionary;
        pages.add(new EncodedPage(compress(page), page.length(), n, stats.build(),
                dictionary ? Encoding.PLAIN_DICTIONARY : Encoding.PLAIN));
        values += n;
    }

    /** Writes the chunk (dictionary page first) as the file's next column. */
    void writeTo(ParquetFileWriter out) throws IOException {
        out.startColumn(descriptor, values, compressor.codec());
        if (dictionaryUsed) {
            PageBytes plain = numbers != null ? numbers.plainValues() : strings.plainValues();
            int size = numbers != null ? numbers.size() : strings.size();
            out.writeDictionaryPage(new DictionaryPage(BytesInput.from(compress(plain)), plain.length(), size,
                    Encoding.PLAIN_DICTIONARY));
        }
        Encoding levels = descriptor.getMaxDefinitionLevel() > 0 ? Encoding.RLE : Encoding.BIT_PACKED;
        for (EncodedPage p : pages) {
            out.writeDataPage(p.values, p.uncompressedSize, BytesInput.from(p.compressed), p.statistics, p.values,
                    Encoding.BIT_PACKED, levels, p.valuesEncoding);
        }
        out.endColumn();
    }

    private byte[] compress(PageBytes raw) throws IOException {
        return compressor.compress(raw.array(), raw.length());
    }

    /** Definition levels (1 = value, 0 = null) as v1 pages hold them: length-prefixed RLE / bit-packing hybrid. */
    private int writeDefinitionLevels(byte[] b, int[] at, int from, int n) throws IOException {
        int present = 0;
        for (int r = 0; r < n; r++) {
            present += b[at[from + r]];
        }
        if (present == n || present == 0) {
            // One RLE run: header (count << 1), then the level in one byte.
            page.writeIntLE(varintSize(n << 1) + 1);
            page.writeVarint(n << 1);
            page.writeByte(present == 0 ? 0 : 1);
            return present;
        }
        int[] levels = scratch.ids(n);
        for (int r = 0; r < n; r++) {
            levels[r] = b[at[from + r]];
        }
        int lengthAt = page.length();
        page.writeIntLE(0); // the length, set once known
        RleHybridEncoder.encode(levels, n, 1, page);
        page.setIntLE(lengthAt, page.length() - lengthAt - 4);
        return present;
    }

    /** Integral or Fractional values; true when written as dictionary ids. */
    private boolean encodeNumbers(byte[] b, int[] at, int from, int n, int present, Statistics.Builder stats)
            throws IOException {
        decoded = scratch.numbers(present);
        boolean integral = type == FeatureType.INTEGRAL;
        int k = 0;
        for (int r = 0; r < n; r++) {
            int p = at[from + r];
            if (b[p] != 0) {
                decoded[k++] = integral ? HourBuffer.readIntegral(b, p + 1) : HourBuffer.readFixed(b, p + 1);
            }
        }
        if (integral) {
            longBounds(k, stats);
        } else {
            doubleBounds(k, stats);
        }
        if (dictionaryOpen) {
            for (int i = 0; i < k; i++) {
                ids[i] = numbers.idOf(decoded[i]);
            }
            if (keepDictionary(numbers.plainBytes(), numbers.size(), present, 8L * present)) {
                writeIds(k, numbers.size());
                return true;
            }
        }
        for (int i = 0; i < k; i++) {
            page.writeLongLE(decoded[i]);
        }
        return false;
    }

    /** String values; true when written as dictionary ids. */
    private boolean encodeStrings(byte[] b, int[] at, int from, int n, int present, Statistics.Builder stats)
            throws IOException {
        int levelsEnd = page.length();
        if (dictionaryOpen) {
            long plainBytes = 0;
            int k = 0;
            for (int r = 0; r < n; r++) {
                int p = at[from + r];
                if (b[p] != 0) {
                    int length = HourBuffer.stringLength(b, p + 1);
                    ids[k++] = strings.idOf(p + 1 + varintSize(length), length);
                    plainBytes += 4L + length;
                }
            }
            if (keepDictionary(strings.plainBytes(), strings.size(), present, plainBytes)) {
                writeIds(k, strings.size());
                dictionaryBounds(k, stats);
                return true;
            }
            page.truncate(levelsEnd);
        }
        Bounds bounds = new Bounds(b);
        for (int r = 0; r < n; r++) {
            int p = at[from + r];
            if (b[p] == 0) {
                continue;
            }
            int length = HourBuffer.stringLength(b, p + 1);
            int start = p + 1 + varintSize(length);
            page.writeIntLE(length);
            page.write(b, start, length);
            bounds.offer(start, length);
        }
        bounds.applyTo(stats);
        return false;
    }

    /**
     * parquet-java's rules: the dictionary stops at its size limit (earlier pages keep it, later
     * ones are PLAIN), or after a first page it did not make smaller than PLAIN would.
     */
    private boolean keepDictionary(long dictionaryBytes, int dictionarySize, int present, long plainBytes) {
        long idBytes = (long) present * bitWidth(dictionarySize) / 8 + 1;
        if (dictionaryBytes > MAX_DICTIONARY_BYTES || !dictionaryUsed && dictionaryBytes + idBytes >= plainBytes) {
            dictionaryOpen = false;
            return false;
        }
        return true;
    }

    /** Dictionary ids as a data page holds them: the bit width in a byte, then RLE / bit-packing hybrid. */
    private void writeIds(int count, int dictionarySize) throws IOException {
        int bitWidth = bitWidth(dictionarySize);
        page.writeByte(bitWidth);
        RleHybridEncoder.encode(ids, count, bitWidth, page);
    }

    private static int bitWidth(int dictionarySize) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(0, dictionarySize - 1));
    }

    private void longBounds(int count, Statistics.Builder stats) {
        if (count == 0) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, decoded[i]);
            max = Math.max(max, decoded[i]);
        }
        stats.withMin(littleEndian(min)).withMax(littleEndian(max));
    }

    private void doubleBounds(int count, Statistics.Builder stats) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (int i = 0; i < count; i++) {
            double v = Double.longBitsToDouble(decoded[i]);
            if (!Double.isNaN(v)) { // NaN never bounds a range (ingest rejects it anyway)
                min = Math.min(min, v);
                max = Math.max(max, v);
                any = true;
            }
        }
        if (any) {
            stats.withMin(littleEndian(Double.doubleToLongBits(min))).withMax(littleEndian(Double.doubleToLongBits(max)));
        }
    }

    /** Bounds of a dictionary-encoded page: each distinct id of the page compared once. */
    private void dictionaryBounds(int count, Statistics.Builder stats) {
        boolean[] seen = new boolean[strings.size()];
        Bounds bounds = new Bounds(strings.source());
        for (int i = 0; i < count; i++) {
            int id = ids[i];
            if (!seen[id]) {
                seen[id] = true;
                bounds.offer(strings.start(id), strings.length(id));
            }
        }
        bounds.applyTo(stats);
    }

    private static int varintSize(int v) {
        int size = 1;
        while ((v & ~0x7F) != 0) {
            size++;
            v >>>= 7;
        }
        return size;
    }

    static byte[] littleEndian(long v) {
        byte[] out = new byte[8];
        for (int k = 0; k < 8; k++) {
            out[k] = (byte) (v >>> (8 * k));
        }
        return out;
    }

    /** The unsigned lexicographic minimum and maximum of a page's strings (Parquet's order for UTF-8). */
    private static final class Bounds {
        private final byte[] b;
        private int minStart = -1;
        private int minLength;
        private int maxStart = -1;
        private int maxLength;

        Bounds(byte[] b) {
            this.b = b;
        }

        void offer(int start, int length) {
            if (minStart < 0) {
                minStart = maxStart = start;
                minLength = maxLength = length;
                return;
            }
            if (Arrays.compareUnsigned(b, start, start + length, b, minStart, minStart + minLength) < 0) {
                minStart = start;
                minLength = length;
            } else if (Arrays.compareUnsigned(b, start, start + length, b, maxStart, maxStart + maxLength) > 0) {
                maxStart = start;
                maxLength = length;
            }
        }

        void applyTo(Statistics.Builder stats) {
            if (minStart >= 0) {
                stats.withMin(Arrays.copyOfRange(b, minStart, minStart + minLength))
                        .withMax(Arrays.copyOfRange(b, maxStart, maxStart + maxLength));
            }
        }
    }
}
