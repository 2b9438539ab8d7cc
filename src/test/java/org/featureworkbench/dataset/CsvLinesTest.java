package org.featureworkbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines as an editor numbers them, whatever the file's delimiter, line ends and quoting. */
class CsvLinesTest {
    @TempDir
    Path dir;

    @Test
    void aRecordIsOnTheLineItStartsOnPastBlankLinesAndQuotedLineBreaks() throws IOException {
        Path csv = write("id,note,t\na,\"x\ny\",1\n\nb,\"say \"\"hi\"\"\",\nc,z,\n");
        assertEquals(OptionalInt.of(5), CsvLines.firstWhere(csv, "t", String::isEmpty));
        assertEquals(OptionalInt.of(2), CsvLines.firstWhere(csv, "note", "x\ny"::equals));
        assertEquals(OptionalInt.of(5), CsvLines.firstWhere(csv, "note", "say \"hi\""::equals));
    }

    @Test
    void semicolonsWindowsLineEndsAndAByteOrderMarkAreRead() throws IOException {
        Path csv = write("\uFEFFid;t\r\na;2026-01-01\r\nb;\r\n");
        assertEquals(OptionalInt.of(3), CsvLines.firstWhere(csv, "t", String::isEmpty));
    }

    @Test
    void aQuoteInsideAFieldIsTextAndAFileEndingInsideQuotesGivesNoLine() throws IOException {
        Path csv = write("id,item,t\na,5\" screen,1\nb,cable,\n");
        assertEquals(OptionalInt.of(3), CsvLines.firstWhere(csv, "t", String::isEmpty), "the quote opened nothing");
        assertEquals(OptionalInt.of(2), CsvLines.firstWhere(csv, "item", "5\" screen"::equals));
        Path open = write("id,t\na,\"2026\nb,\n");
        assertEquals(OptionalInt.empty(), CsvLines.firstWhere(open, "t", String::isEmpty), "no line rather than a wrong one");
    }

    @Test
    void noLineWhenTheHeaderDoesNotNameTheColumnOrNoRowMatches() throws IOException {
        Path csv = write("id,t\na,1\n");
        assertEquals(OptionalInt.empty(), CsvLines.firstWhere(csv, "time", String::isEmpty));
        assertEquals(OptionalInt.empty(), CsvLines.firstWhere(csv, "t", String::isEmpty));
        assertEquals(OptionalInt.empty(), CsvLines.firstWhere(dir.resolve("gone.csv"), "t", String::isEmpty));
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("base.csv"), text);
    }
}
