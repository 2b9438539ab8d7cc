package org.featureworkbench.ui.records;

import java.util.Locale;

/**
 * One number of the live counts strip.
 *
 * @param label   what is counted, e.g. "Online records"
 * @param value   the number (or a short word such as "none yet"); a whole number is shown with
 *                thousands separators, so 1000000 reads "1,000,000"
 * @param tooltip one sentence on what it means
 */
public record CountTile(String label, String value, String tooltip) {
    public CountTile {
        value = grouped(value);
    }

    /** {@code 1234567} → {@code 1,234,567}; anything but a plain whole number stays as it is. */
    static String grouped(String value) {
        if (value == null || !value.matches("-?\\d{4,18}")) {
            return value;
        }
        return String.format(Locale.ROOT, "%,d", Long.parseLong(value));
    }
}
