package org.featureworkbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.featureworkbench.database.WaitNotices;
import org.featureworkbench.ingest.IngestCancelledException;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.GroupChangingException;
import org.featureworkbench.model.OnlineTableUnreadableException;
import org.featureworkbench.model.TypedRecord;
import org.featureworkbench.registry.CatalogEntry;
import org.featureworkbench.registry.StaleDefinitionException;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;

/** How an ingest's online batch follows a definition changed under it (ADR 0021 addendum 6). */
class IngestOnlineWriterTest {
    private static final Instant CREATED = Instant.parse("2024-05-01T00:00:00Z");
    private static final FeatureGroup OLD = new FeatureGroup(Definitions.customers("customers"), CREATED, null, null);
    private static final FeatureGroup WITH_SEGMENT = new FeatureGroup(Definitions.customers("customers")
            .withFeatures(plusSegment()), CREATED, null, null);
    private static final List<TypedRecord> BATCH = List.of(new TypedRecord("c1", CREATED, Map.of("age", 41L)));

    /** What the store is asked to do, and what each try answers in turn (a count, or a failure). */
    private final List<CatalogEntry> writtenAt = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<Long> pauses = new ArrayList<>();
    /** A clock that moves only when the writer pauses. */
    private long nowMillis;
    private boolean cancelled;

    @Test
    void aBatchRefusedAsStaleIsWrittenWithTheGroupAsItIsNow() {
        CatalogEntry now = new CatalogEntry(WITH_SEGMENT, 8);
        answers.add(new StaleDefinitionException("customers"));
        answers.add(1L);
        IngestOnlineWriter writer = writer(now);

        assertEquals(1, writer.write(BATCH));
        assertEquals(List.of(7L, 8L), writtenAt.stream().map(CatalogEntry::version).toList());
        assertSame(WITH_SEGMENT, writtenAt.get(1).group(), "the second try names the added feature");
        assertSame(now, writer.entry(), "later batches go straight to the new version");
        assertTrue(pauses.isEmpty(), "a stale definition is followed at once");
    }

    @Test
    void whileTheTableIsCopiedForAddedFeaturesTheBatchWaitsAndSaysSoOnce() throws Exception {
        answers.add(changing());
        answers.add(changing());
        answers.add(changing());
        answers.add(3L);
        List<String> notices = new ArrayList<>();
        try (AutoCloseable subscription = WaitNotices.subscribe(notices::add)) {
            assertEquals(3, writer(null).write(BATCH));
        }
        assertEquals(List.of(10L, 20L, 40L), pauses);
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("ingest job-1 waits: features are being added to feature group"
                + " 'customers'"), notices.get(0));
    }

    @Test
    void aCopyThatNeverEndsStopsTheIngestWithHowToContinue() {
        for (int i = 0; i < 1000; i++) {
            answers.add(changing());
        }
        IngestOnlineWriter.GroupChangedException e = assertThrows(IngestOnlineWriter.GroupChangedException.class,
                () -> writer(null).write(BATCH));
        assertTrue(e.getMessage().startsWith("ingest job-1 stopped: features were added to feature group 'customers',"
                + " and after 5 minutes its online table still lacks their columns") && e.getMessage().contains(
                "run 'feature-workbench check'") && e.getMessage().endsWith("'ingest --resume job-1' continues it"),
                e.getMessage());
        assertTrue(nowMillis >= IngestOnlineWriter.CHANGE_WAIT.toMillis()
                && nowMillis < IngestOnlineWriter.CHANGE_WAIT.toMillis() + 2000, "waited " + nowMillis + " ms");
    }

    @Test
    void aMissingTableIsRetriedOnlyForTheInstantOfTheSwap() {
        OnlineTableUnreadableException missing = new OnlineTableUnreadableException("customers", "missing", null, true);
        for (int i = 0; i < 10; i++) {
            answers.add(missing);
        }
        CatalogEntry unchanged = new CatalogEntry(OLD, 7);
        assertSame(missing, assertThrows(OnlineTableUnreadableException.class, () -> writer(unchanged).write(BATCH)));
        assertEquals(5, pauses.size(), "five short pauses, then it is reported: " + pauses);

        OnlineTableUnreadableException damaged = new OnlineTableUnreadableException("customers", "damaged", null, false);
        answers.clear();
        pauses.clear();
        answers.add(damaged);
        assertSame(damaged, assertThrows(OnlineTableUnreadableException.class, () -> writer(null).write(BATCH)));
        assertTrue(pauses.isEmpty(), "a damaged table is reported at once");
    }

    @Test
    void aGroupCreatedAgainUnderTheSameNameEndsTheIngest() {
        FeatureGroup again = new FeatureGroup(Definitions.customers("customers"), CREATED.plusSeconds(60), null, null);
        answers.add(new StaleDefinitionException("customers"));
        IngestOnlineWriter.GroupChangedException e = assertThrows(IngestOnlineWriter.GroupChangedException.class,
                () -> writer(new CatalogEntry(again, 9)).write(BATCH));
        assertTrue(e.getMessage().startsWith("feature group 'customers' was deleted and created again while ingest"
                + " job-1 ran"), e.getMessage());
        assertEquals(1, writtenAt.size(), "nothing written into the new group");
    }

    @Test
    void aTableMissingBecauseTheGroupWasDeletedOrCreatedAgainEndsTheIngestSayingSo() {
        OnlineTableUnreadableException missing = new OnlineTableUnreadableException("customers", "missing", null, true);
        answers.add(missing);
        IngestOnlineWriter deleted = new IngestOnlineWriter("job-1", new CatalogEntry(OLD, 7), this::put, name -> {
            throw new org.featureworkbench.model.ResourceNotFoundException("feature group 'customers' does not exist");
        }, pauses::add, () -> { }, () -> nowMillis);
        IngestOnlineWriter.GroupChangedException e = assertThrows(IngestOnlineWriter.GroupChangedException.class,
                () -> deleted.write(BATCH));
        assertEquals("feature group 'customers' was deleted while ingest job-1 ran, so it stopped; nothing more was"
                + " written", e.getMessage());

        answers.add(missing);
        FeatureGroup again = new FeatureGroup(Definitions.customers("customers"), CREATED.plusSeconds(60), null, null);
        e = assertThrows(IngestOnlineWriter.GroupChangedException.class,
                () -> writer(new CatalogEntry(again, 9)).write(BATCH));
        assertTrue(e.getMessage().contains("was deleted and created again"), e.getMessage());
        assertTrue(pauses.isEmpty(), "no waiting for a table that will not come back: " + pauses);
    }

    @Test
    void aCancelWhileWaitingStopsTheWait() {
        answers.add(changing());
        answers.add(changing());
        IngestOnlineWriter writer = new IngestOnlineWriter("job-1", new CatalogEntry(OLD, 7), this::put,
                name -> null, millis -> {
                    pauses.add(millis);
                    cancelled = true;
                }, () -> {
                    if (cancelled) {
                        throw new IngestCancelledException("ingest job-1 cancelled");
                    }
                }, () -> nowMillis);
        assertThrows(IngestCancelledException.class, () -> writer.write(BATCH));
        assertEquals(1, pauses.size());
    }

    private IngestOnlineWriter writer(CatalogEntry current) {
        return new IngestOnlineWriter("job-1", new CatalogEntry(OLD, 7), this::put, name -> current, millis -> {
            pauses.add(millis);
            nowMillis += millis;
        }, () -> { }, () -> nowMillis);
    }

    private long put(CatalogEntry at, List<TypedRecord> batch) {
        writtenAt.add(at);
        Object answer = answers.removeFirst();
        if (answer instanceof RuntimeException e) {
            throw e;
        }
        return (Long) answer;
    }

    private static GroupChangingException changing() {
        return new GroupChangingException("could not write 1 records to 'customers': features are being added", null);
    }

    private static List<FeatureDefinition> plusSegment() {
        List<FeatureDefinition> features = new ArrayList<>(Definitions.customers("customers").features());
        features.add(new FeatureDefinition("segment", FeatureType.STRING));
        return features;
    }
}
