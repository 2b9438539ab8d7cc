package org.featureworkbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleEventTimesTest {
    @TempDir
    Path dir;

    @Test
    void oneShiftForAllFilesPutsTheNewestEventAtTheLoadMinuteAndKeepsFormatsAndGaps() throws IOException {
        Path customers = dir.resolve("customers.csv");
        Files.writeString(customers, "customer_id,event_time,age\nC1,2026-11-03T14:05:00Z,30\nC1,2026-11-05T14:05:00Z,31\n"
                + "C2,,40\n", StandardCharsets.UTF_8);
        Path transactions = dir.resolve("transactions.csv");
        // 1794589246.101 = 2026-11-13T17:00:46.101Z, the newest of both files
        Files.writeString(transactions, "transaction_id,event_time,amount\nT1,1794589246.101,5.5\nT2,1794507088.689,1\n",
                StandardCharsets.UTF_8);
        List<SampleEventTimes.EventColumn> files = List.of(
                new SampleEventTimes.EventColumn(customers, "event_time", FeatureType.STRING),
                new SampleEventTimes.EventColumn(transactions, "event_time", FeatureType.FRACTIONAL));
        Instant now = Instant.parse("2027-05-01T10:00:30Z");

        Duration shift = SampleEventTimes.shift(files, now);
        files.forEach(f -> {
            try {
                SampleEventTimes.move(f, shift);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertEquals(0, shift.toSecondsPart(), "whole minutes keep the times readable");
        List<String> t = Files.readAllLines(transactions);
        Instant newest = Instant.ofEpochMilli((long) (Double.parseDouble(t.get(1).split(",")[1]) * 1000 + 0.5));
        assertEquals(Instant.parse("2027-05-01T09:59:46.101Z"), newest, "newest within the minute before now");
        assertTrue(t.get(2).split(",")[1].matches("\\d{10}\\.\\d{3}"), "epoch seconds with millis: " + t.get(2));
        List<String> c = Files.readAllLines(customers);
        Instant first = Instant.parse(c.get(1).split(",")[1]);
        Instant second = Instant.parse(c.get(2).split(",")[1]);
        assertEquals(Duration.ofDays(2), Duration.between(first, second), "gaps between events are kept");
        assertEquals(Instant.parse("2026-11-03T14:05:00Z").plus(shift), first);
        assertEquals("C2,,40", c.get(3), "a missing event time stays missing");
        assertEquals("customer_id,event_time,age", c.get(0));
    }

    @Test
    void aFileWithQuotesIsLeftAsItIs() throws IOException {
        Path quoted = dir.resolve("q.csv");
        String text = "id,event_time,note\nA,2026-11-03T14:05:00Z,\"a, b\"\n";
        Files.writeString(quoted, text, StandardCharsets.UTF_8);
        SampleEventTimes.EventColumn f = new SampleEventTimes.EventColumn(quoted, "event_time", FeatureType.STRING);
        SampleEventTimes.move(f, Duration.ofDays(30));
        assertEquals(text, Files.readString(quoted));
    }
}
