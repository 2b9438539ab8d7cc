package org.featureworkbench.query;

import java.time.Duration;

/**
 * How a query runs.
 *
 * @param limit   at most this many rows (0 = no limit)
 * @param timeout stop the query after this long (null = no timeout)
 */
public record QueryOptions(long limit, Duration timeout) {
    public static final QueryOptions DEFAULT = new QueryOptions(0, null);

    public QueryOptions {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (none) or positive, not " + limit);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
    }
}
