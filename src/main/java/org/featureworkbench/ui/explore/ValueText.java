package org.featureworkbench.ui.explore;

/** How a result value reads in a table cell: as everywhere ({@link org.featureworkbench.query.ValueText}), null as {@code NULL}. */
final class ValueText {
    static final String NULL = "NULL";

    private ValueText() {
    }

    static String of(Object value) {
        return value == null ? NULL : org.featureworkbench.query.ValueText.of(value);
    }
}
