package org.featureworkbench.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.junit.jupiter.api.Test;

class RleHybridEncoderTest {

    @Test
    void parquetJavasDecoderReadsBackEveryValueForEveryWidthAndShape() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 3_000; k++) {
            int bitWidth = random.nextInt(33);
            int count = random.nextInt(k % 10 == 0 ? 5_000 : 200);
            int[] values = new int[count];
            int shape = random.nextInt(3);
            for (int i = 0; i < count; i++) {
                int v = bitWidth == 0 ? 0 : bitWidth == 32 ? random.nextInt() : (int) random.nextLong(1L << bitWidth);
                boolean repeat = i > 0 && (shape == 1 && random.nextInt(10) > 0 || shape == 2 && random.nextInt(3) > 0);
                values[i] = repeat ? values[i - 1] : v;
            }
            PageBytes out = new PageBytes(16);
            RleHybridEncoder.encode(values, count, bitWidth, out);
            RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(bitWidth,
                    new ByteArrayInputStream(out.toByteArray()));
            for (int i = 0; i < count; i++) {
                assertEquals(values[i], decoder.readInt(), "value " + i + " of " + count + ", width " + bitWidth);
            }
        }
    }

    @Test
    void aConstantColumnIsOneRunAndRandomIdsAreNoBiggerThanParquetJavasEncoding() throws IOException {
        int[] constant = new int[10_000];
        java.util.Arrays.fill(constant, 5);
        PageBytes out = new PageBytes(16);
        RleHybridEncoder.encode(constant, constant.length, 3, out);
        assertEquals(4, out.length(), "a varint header of three bytes (20,000) and the value in one");

        SplittableRandom random = new SplittableRandom(9);
        int[] ids = new int[1_389];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(6);
        }
        PageBytes ours = new PageBytes(16);
        RleHybridEncoder.encode(ids, ids.length, 3, ours);
        RunLengthBitPackingHybridEncoder theirs = new RunLengthBitPackingHybridEncoder(3, 64, 1024,
                HeapByteBufferAllocator.getInstance());
        for (int id : ids) {
            theirs.writeInt(id);
        }
        long theirSize = theirs.toBytes().size();
        theirs.close();
        assertTrue(ours.length() <= theirSize, ours.length() + " bytes against parquet-java's " + theirSize);
    }
}
