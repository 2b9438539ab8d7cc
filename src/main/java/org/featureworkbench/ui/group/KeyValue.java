package org.featureworkbench.ui.group;

/**
 * A tag or a feature metadata parameter, as a row in a table.
 *
 * @param key   the key
 * @param value the value, possibly empty
 */
public record KeyValue(String key, String value) {
}
