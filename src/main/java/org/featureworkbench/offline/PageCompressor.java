package org.featureworkbench.offline;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Compresses the pages of one hour file with the store's codec. SNAPPY (the default) calls
 * snappy-java on the page's heap array: parquet-java's Hadoop-style compressor copies every page
 * through direct buffers it allocates per compressor, and an ingest makes one compressor per file.
 * Other codecs go through parquet-java's {@link CodecFactory}. Not thread-safe; {@link #close} it.
 */
final class PageCompressor implements AutoCloseable {
    private final CompressionCodecName codec;
    private final CodecFactory factory;
    private final BytesInputCompressor other;
    private byte[] out = new byte[0];

    PageCompressor(CompressionCodecName codec, int bufferBytes) {
        this.codec = codec;
        boolean own = codec == CompressionCodecName.SNAPPY || codec == CompressionCodecName.UNCOMPRESSED;
        this.factory = own ? null : new CodecFactory(new PlainParquetConfiguration(), bufferBytes);
        this.other = own ? null : factory.getCompressor(codec);
    }

    CompressionCodecName codec() {
        return codec;
    }

    /** The compressed form of {@code bytes[0, length)}, as a new array. */
    byte[] compress(byte[] bytes, int length) throws IOException {
        switch (codec) {
            case UNCOMPRESSED -> {
                return Arrays.copyOf(bytes, length);
            }
            case SNAPPY -> {
                int max = Snappy.maxCompressedLength(length);
                if (out.length < max) {
                    out = new byte[max];
                }
                int n = Snappy.compress(bytes, 0, length, out, 0);
                return Arrays.copyOf(out, n);
            }
            default -> {
                // The compressor reuses its output buffer, so the result is copied.
                return other.compress(BytesInput.from(bytes, 0, length)).toByteArray();
            }
        }
    }

    @Override
    public void close() {
        if (factory != null) {
            factory.release();
        }
    }
}
