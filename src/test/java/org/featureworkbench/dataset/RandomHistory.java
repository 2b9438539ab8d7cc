package org.featureworkbench.dataset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.DeletionMode;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.Record;

/**
 * Writes a random history through the public API in write phases: out-of-order puts, repeated
 * event times, soft deletes and re-inserts. Each phase ends with a flush (the rows get their
 * write_time) and an instant W strictly between this phase's write times and the next's, so
 * {@code asOf(W)} cuts the history cleanly.
 */
final class RandomHistory {
    private static final String[] STRINGS = {"a", "b", "", "x y", "é"};

    /** The write phases' end instants (W1 < W2 < …) and an instant before any write. */
    record Phases(List<Instant> ends, Instant beforeAnyWrite) {
    }

    private final FeatureStore store;
    private final Random random;
    private final Map<String, List<Instant>> usedTimes = new HashMap<>();
    private long putOrder;
    private long lastWriteEndMs;

    RandomHistory(FeatureStore store, Random random) {
        this.store = store;
        this.random = random;
    }

    static String stringId(int i) {
        return "r" + i;
    }

    Phases write(List<RandomGroups.Shape> groups, int phases, int writesPerPhase) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
        List<Instant> ends = new ArrayList<>();
        for (int p = 0; p < phases; p++) {
            for (int i = 0; i < writesPerPhase; i++) {
                RandomGroups.Shape g = groups.get(random.nextInt(groups.size()));
                String id = g.integralId() ? Integer.toString(1 + random.nextInt(5)) : stringId(1 + random.nextInt(5));
                Instant t = eventTime(g.name() + "/" + id);
                if (random.nextInt(5) == 0) {
                    delete(g, id, t);
                } else {
                    put(g, id, t);
                    if (random.nextInt(10) == 0) {
                        // At once again: usually the same millisecond, so only the put order tells them apart.
                        put(g, id, t);
                    }
                }
            }
            store.records().flush(null);
            ends.add(instantBetweenPhases());
        }
        return new Phases(ends, before);
    }

    /** Often a time this record already has (a duplicate), else a new one: arrival order is random. */
    private Instant eventTime(String key) {
        List<Instant> used = usedTimes.computeIfAbsent(key, k -> new ArrayList<>());
        Instant t = !used.isEmpty() && random.nextInt(4) == 0 ? used.get(random.nextInt(used.size()))
                : RandomTimes.next(random);
        used.add(t);
        return t;
    }

    private void put(RandomGroups.Shape g, String id, Instant t) {
        Record.Builder record = Record.builder().put(g.idName(), id).put(g.timeName(),
                RandomTimes.feature(t, g.timeType(), random));
        for (FeatureDefinition f : g.values()) {
            if (f.name().equals(RandomGroups.PUT_ORDER)) {
                record.put(f.name(), Long.toString(putOrder++));
            } else if (random.nextInt(10) > 0) {
                record.put(f.name(), value(f.type()));
            }
        }
        store.records().putRecord(g.name(), record.build(), Set.of(), null);
        lastWriteEndMs = System.currentTimeMillis();
    }

    /**
     * A delete marker has no put order, so it gets a millisecond of its own: no other write of the
     * workspace shares its api_invocation_time, and DESIGN.md §3's order decides every tie with it.
     */
    private void delete(RandomGroups.Shape g, String id, Instant t) {
        awaitNextMillisecond();
        String time = random.nextBoolean() ? RandomTimes.iso(t, random) : RandomTimes.epochSeconds(t, random);
        store.records().deleteRecord(g.name(), id, time, DeletionMode.SOFT_DELETE, Set.of());
        lastWriteEndMs = System.currentTimeMillis();
        awaitNextMillisecond();
    }

    private void awaitNextMillisecond() {
        while (System.currentTimeMillis() <= lastWriteEndMs) {
            Thread.onSpinWait();
        }
    }

    private String value(FeatureType type) {
        return switch (type) {
            case INTEGRAL -> Integer.toString(random.nextInt(60) - 5);
            case FRACTIONAL -> Double.toString(random.nextInt(80) / 4.0 - 3);
            case STRING -> STRINGS[random.nextInt(STRINGS.length)];
        };
    }

    private static Instant instantBetweenPhases() {
        sleep();
        Instant w = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        sleep();
        return w;
    }

    private static void sleep() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
