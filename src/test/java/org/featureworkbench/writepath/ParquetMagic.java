package org.featureworkbench.writepath;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Whether a file is a whole Parquet file: "PAR1" at both ends and a footer length that fits. */
final class ParquetMagic {
    private ParquetMagic() {
    }

    static boolean complete(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            if (size < 12) {
                return false;
            }
            ByteBuffer head = ByteBuffer.allocate(4);
            ch.read(head, 0);
            ByteBuffer tail = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(tail, size - 8);
            int footerLength = tail.getInt(0);
            String headMagic = new String(head.array(), StandardCharsets.US_ASCII);
            String tailMagic = new String(tail.array(), 4, 4, StandardCharsets.US_ASCII);
            return headMagic.equals("PAR1") && tailMagic.equals("PAR1") && footerLength > 0
                    && footerLength <= size - 12;
        }
    }
}
