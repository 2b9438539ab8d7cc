package org.featureworkbench.dataset.reference;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The two orders the rules define: a record's stored rows, and the dataset's output rows. */
public final class RowOrder {
    private RowOrder() {
    }

    /**
     * DESIGN.md §3: a record's rows ordered by (event time, api_invocation_time, write_time); when all
     * three tie, the later PutRecord. Positive when {@code a} comes later.
     *
     * @throws AmbiguousCaseException when two different rows tie on everything known
     */
    public static int history(HistoryRow a, HistoryRow b) {
        int c = a.eventTime().compareTo(b.eventTime());
        if (c == 0) {
            c = a.apiInvocationTime().compareTo(b.apiInvocationTime());
        }
        if (c == 0) {
            c = a.writeTime().compareTo(b.writeTime());
        }
        if (c == 0 && a.putOrder() != null && b.putOrder() != null) {
            c = Long.compare(a.putOrder(), b.putOrder());
        }
        if (c == 0 && (a.deleted() != b.deleted() || !Objects.equals(a.values(), b.values()))) {
            throw new AmbiguousCaseException("rows tie on (event time, api_invocation_time, write_time) and nothing "
                    + "orders them: " + a + " / " + b);
        }
        return c;
    }

    /**
     * Output order: base event time (an instant), base id, then every base column in order, as it is
     * written (nulls last). "Every" includes the time column's own text: one instant written two ways
     * ({@code 1767229202} and {@code 1767229202.0}) still has an order, so only identical rows tie.
     */
    public static Comparator<List<Object>> output(int idColumn, int timeColumn) {
        return (a, b) -> {
            int c = EventInstants.of(a.get(timeColumn)).compareTo(EventInstants.of(b.get(timeColumn)));
            if (c == 0) {
                c = cell(a.get(idColumn), b.get(idColumn));
            }
            for (int i = 0; c == 0 && i < a.size(); i++) {
                c = cell(a.get(i), b.get(i));
            }
            return c;
        };
    }

    /** Numbers by value, everything else by its text; null after every value. */
    static int cell(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        return a.toString().compareTo(b.toString());
    }
}
