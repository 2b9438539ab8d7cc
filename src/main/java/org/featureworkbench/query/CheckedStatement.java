package org.featureworkbench.query;

import java.util.Set;

/**
 * A user's statement that passed the read-only guard.
 *
 * @param sql    the statement as it will run
 * @param tables the relations it reads, as written
 */
public record CheckedStatement(String sql, Set<String> tables) {
}
