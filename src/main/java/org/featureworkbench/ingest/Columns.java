package org.featureworkbench.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column names of a source, in file order, with a case-insensitive lookup. Immutable and
 * thread-safe; many rows share one instance, so a reader that discovers a new column (JSON Lines)
 * makes a new instance and later rows point at it.
 */
public final class Columns {
    private final List<String> names;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();
    private final Map<String, Integer> foldedCount = new HashMap<>();

    public Columns(List<String> names) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            exact.putIfAbsent(name, i);
            String key = fold(name);
            folded.putIfAbsent(key, i);
            foldedCount.merge(key, 1, Integer::sum);
        }
    }

    /** The names in file order (unmodifiable). */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    /**
     * The index of the column with this name: an exact match first, else the one column whose
     * name matches ignoring case; -1 when there is none.
     *
     * @throws org.featureworkbench.model.FeatureStoreException when only case-insensitive matches
     *         exist and there are several (e.g. {@code Age} and {@code AGE} for {@code age})
     */
    public int indexOf(String name) {
        Integer i = exact.get(name);
        if (i != null) {
            return i;
        }
        String key = fold(name);
        Integer count = foldedCount.get(key);
        if (count == null) {
            return -1;
        }
        if (count > 1) {
            throw new org.featureworkbench.model.FeatureStoreException("feature '" + name
                    + "' matches several columns when case is ignored (" + matching(key)
                    + "); rename the columns so only one matches");
        }
        return folded.get(key);
    }

    /** The index of the column with exactly this name (case counts), -1 when there is none. */
    public int exactIndexOf(String name) {
        Integer i = exact.get(name);
        return i == null ? -1 : i;
    }

    /** This list with one more name at the end. */
    public Columns plus(String name) {
        List<String> more = new ArrayList<>(names);
        more.add(name);
        return new Columns(more);
    }

    private String matching(String key) {
        return String.join(", ", names.stream().filter(n -> fold(n).equals(key)).toList());
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
