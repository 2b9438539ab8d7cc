package org.featureworkbench.ui.group;

/**
 * One labelled fact in a group's summary, e.g. "Record identifier" → "customer_id (String)".
 *
 * @param label what the value is, in words a data scientist uses
 * @param value the value as shown
 */
public record SummaryItem(String label, String value) {
}
