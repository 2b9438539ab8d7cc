package org.featureworkbench.writepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record journal's file format and ownership, without a database. */
class RecordJournalTest {
    @TempDir
    Path workspace;

    private static JournalEntry put(long seq, String id, Object age) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("customer_id", id);
        values.put("event_time", "2024-05-01T10:00:00Z");
        values.put("age", age);
        values.put("score", 0.25);
        values.put("city", "Zürich \u0000 ✓");
        return JournalEntry.put(seq, "customers", 1_700_000_000L, 1_714_557_600_123L, true, true,
                1_714_557_600_000L, JournalEntry.NEVER, values);
    }

    @Test
    void entriesOfEveryKindReadBackAsWritten() throws IOException {
        RecordJournal journal = RecordJournal.create(workspace);
        List<JournalEntry> written = List.of(put(journal.takeSeq(), "c1", 42L),
                JournalEntry.delete(journal.takeSeq(), JournalEntry.Kind.SOFT_DELETE, "customers", 1_700_000_000L, 5L,
                        true, true, 6L, "c1"),
                JournalEntry.delete(journal.takeSeq(), JournalEntry.Kind.HARD_DELETE, "orders", 1_700_000_001L, 7L,
                        true, false, 8L, "123"),
                JournalEntry.delete(journal.takeSeq(), JournalEntry.Kind.PURGE, "customers", 1_700_000_000L, 9L,
                        true, true, 10L, "c2"),
                put(journal.takeSeq(), "c3", null));
        for (JournalEntry e : written) {
            journal.append(e);
        }
        Path segment = journal.allSegments().get(0);
        assertEquals(written, JournalSegments.read(segment));
        journal.close();
    }

    @Test
    void aVoidEntryCancelsTheEntryItNames() throws IOException {
        RecordJournal journal = RecordJournal.create(workspace);
        journal.append(put(journal.takeSeq(), "kept", 1L));
        long failed = journal.takeSeq();
        journal.append(put(failed, "not committed", 2L));
        journal.append(JournalEntry.voiding(journal.takeSeq(), failed));
        List<JournalEntry> read = JournalSegments.read(journal.allSegments().get(0));
        assertEquals(List.of("kept"), read.stream().map(e -> e.values().get("customer_id")).toList());
        journal.close();
    }

    @Test
    void aVoidForTheEntryThatFilledTheSegmentLandsInTheSameSegment() throws IOException {
        // Issue 12: the append that filled a segment sealed it at once, so the VOID of a write whose
        // commit then failed went to the next segment and no longer cancelled it.
        RecordJournal journal = RecordJournal.create(workspace);
        for (int i = 1; i < RecordJournal.SEGMENT_ENTRIES; i++) {
            journal.append(put(journal.takeSeq(), "c" + i, (long) i));
        }
        long failed = journal.takeSeq();
        journal.append(put(failed, "not committed", 0L));
        journal.append(JournalEntry.voiding(journal.takeSeq(), failed));
        journal.sealIfFull();

        List<Path> segments = journal.allSegments();
        List<JournalEntry> first = JournalSegments.read(segments.get(0));
        assertEquals(RecordJournal.SEGMENT_ENTRIES - 1, first.size());
        assertTrue(first.stream().noneMatch(e -> e.seq() == failed));
        assertEquals(2, segments.size(), "sealed once full");
        journal.close();
    }

    @Test
    void readingStopsAtATornOrCorruptTailAndKeepsEverythingBefore() throws IOException {
        RecordJournal journal = RecordJournal.create(workspace);
        for (int i = 0; i < 3; i++) {
            journal.append(put(journal.takeSeq(), "c" + i, (long) i));
        }
        Path segment = journal.allSegments().get(0);
        journal.close();
        long full = Files.size(segment);
        Path torn = workspace.resolve("torn.seg");
        Files.copy(segment, torn);
        try (FileChannel ch = FileChannel.open(torn, StandardOpenOption.WRITE)) {
            ch.truncate(full - 5); // the last frame loses its end
        }
        assertEquals(2, JournalSegments.read(torn).size());

        Path corrupt = workspace.resolve("corrupt.seg");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x55; // a flipped byte in the last frame's payload
        Files.write(corrupt, bytes);
        assertEquals(2, JournalSegments.read(corrupt).size());
    }

    @Test
    void aJournalIsClaimedAsDeadOnlyWhenItsOwnerReleasedIt() throws IOException {
        RecordJournal live = RecordJournal.create(workspace);
        RecordJournal other = RecordJournal.create(workspace);
        other.append(put(other.takeSeq(), "c1", 1L));
        assertTrue(RecordJournal.claimDead(workspace, live.id()).isEmpty(), "a live journal of this JVM is not dead");

        other.close(); // not discarded: like a process that died with rows in its journal
        List<RecordJournal.DeadJournal> dead = RecordJournal.claimDead(workspace, live.id());
        assertEquals(List.of(other.id()), dead.stream().map(RecordJournal.DeadJournal::id).toList());
        assertEquals(1, JournalSegments.read(dead.get(0).segments().get(0)).size());
        assertTrue(RecordJournal.claimDead(workspace, live.id()).isEmpty(), "a claimed journal is not claimed twice");

        dead.get(0).delete();
        assertFalse(Files.exists(workspace.resolve("journal").resolve(other.id())));
        live.close(true);
        try (var left = Files.list(workspace.resolve("journal"))) {
            assertEquals(List.of(".registry"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void segmentsSealPublishAndSettleInOrder() throws IOException {
        RecordJournal journal = RecordJournal.create(workspace);
        journal.append(put(journal.takeSeq(), "c1", 1L));
        assertEquals(1, journal.pendingRows("customers"));
        journal.seal();
        List<Path> sealed = journal.sealedSegments();
        assertEquals(1, sealed.size());
        journal.published(sealed.get(0));
        assertEquals(0, journal.pendingRows("customers"), "published rows are no longer pending");
        assertEquals(sealed, journal.publishedSegments());
        assertFalse(journal.empty(), "a published segment still waits for its online changes to be durable");
        journal.settled(sealed.get(0));
        assertFalse(Files.exists(sealed.get(0)));
        assertTrue(journal.empty());
        journal.close(true);
    }

    @Test
    void namesDefinedAgainAfterAFailedWriteAreReadWithTheirNewNumbers() throws IOException {
        JournalCodec.Encoder encoder = new JournalCodec.Encoder();
        encoder.encode(put(1, "c1", 1L));
        encoder.startSegment(); // as after a failed write: the next entry defines its names again
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("order_id", 7L);
        other.put("placed_at", 1.5);
        encoder.encode(JournalEntry.put(2, "orders", 1L, 2L, true, true, 3L, JournalEntry.NEVER, other));
        Path segment = workspace.resolve("redefined.seg");
        var bytes = encoder.pending();
        byte[] data = new byte[bytes.remaining()];
        bytes.get(data);
        Files.write(segment, data);
        List<JournalEntry> read = JournalSegments.read(segment);
        assertEquals(List.of("customers", "orders"), read.stream().map(JournalEntry::groupName).toList());
        assertEquals(other, read.get(1).values());
    }

    @Test
    void fileTokensAreStablePerSegmentAndGroupAndDifferOtherwise() {
        String token = JournalSettler.token("journal1", 3, "customers", 1_700_000_000L);
        assertTrue(token.matches("[A-Za-z0-9]{16}"), token);
        assertEquals(token, JournalSettler.token("journal1", 3, "customers", 1_700_000_000L));
        assertNotEquals(token, JournalSettler.token("journal1", 4, "customers", 1_700_000_000L));
        assertNotEquals(token, JournalSettler.token("journal1", 3, "orders", 1_700_000_000L));
        assertNotEquals(token, JournalSettler.token("journal1", 3, "customers", 1_700_000_001L));
    }
}
