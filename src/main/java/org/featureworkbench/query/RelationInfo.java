package org.featureworkbench.query;

import java.util.List;

/**
 * A relation a user can query: a group's history view or its {@code _latest} view.
 *
 * @param name    the name to type (quote it when it holds '-': {@code "ev-log"})
 * @param group   the feature group it belongs to
 * @param latest  true for the {@code <group>_latest} view
 * @param columns the column names, features first
 */
public record RelationInfo(String name, String group, boolean latest, List<String> columns) {
}
