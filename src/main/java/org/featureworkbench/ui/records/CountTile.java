package org.featureworkbench.ui.records;

/**
 * One number of the live counts strip.
 *
 * @param label   what is counted, e.g. "Online records"
 * @param value   the number (or a short word such as "none yet")
 * @param tooltip one sentence on what it means
 */
public record CountTile(String label, String value, String tooltip) {
}
