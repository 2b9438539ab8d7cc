package org.featureworkbench.query.stats;

import java.time.Instant;
import java.util.Objects;
import org.featureworkbench.model.ValidationException;

/** An event-time window, both ends inclusive. */
public record EventWindow(Instant from, Instant to) {
    public EventWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new ValidationException(null, "the window " + from + ".." + to + " starts after it ends; write FROM..TO "
                    + "with FROM at or before TO");
        }
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
