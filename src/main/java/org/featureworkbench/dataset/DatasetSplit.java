package org.featureworkbench.dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.featureworkbench.model.ValidationException;

/**
 * How a dataset is cut into parts, one file each. {@link Mode#BY_TIME} orders base rows by event
 * time, so every row of a later part is strictly later than every row of an earlier one (no
 * look-ahead across the split; rows with equal times stay in one part). {@link Mode#RANDOM} deals
 * rows out by a seeded hash, so the same seed gives the same parts.
 */
public record DatasetSplit(Mode mode, long seed, List<Part> parts) {
    /** Ordering of the split. */
    public enum Mode { BY_TIME, RANDOM }

    /** One part: its name (also the file's suffix) and its share of the rows. */
    public record Part(String name, double fraction) {
    }

    public DatasetSplit {
        parts = List.copyOf(parts);
    }

    /**
     * Parses {@code train=0.8,validation=0.1,test=0.1}; the fractions must be positive and sum to 1
     * (within 0.001). {@code field} names the option in errors.
     */
    public static DatasetSplit parse(String text, Mode mode, long seed, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "the split is empty; write e.g. train=0.8,validation=0.1,test=0.1");
        }
        List<Part> parts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        double sum = 0;
        for (String item : text.split(",")) {
            String[] kv = item.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new ValidationException(field, "'" + item.strip() + "' is not NAME=FRACTION; write e.g. "
                        + "train=0.8,validation=0.1,test=0.1");
            }
            String name = kv[0].strip().toLowerCase(Locale.ROOT);
            if (!name.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
                throw new ValidationException(field, "part name '" + kv[0].strip() + "' must be letters, digits, '-' or '_' "
                        + "(it becomes part of the file name)");
            }
            if (!names.add(name)) {
                throw new ValidationException(field, "part '" + name + "' is named twice");
            }
            double fraction;
            try {
                fraction = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new ValidationException(field, "'" + kv[1].strip() + "' (part " + name + ") is not a number; "
                        + "write a fraction such as 0.8");
            }
            if (!(fraction > 0 && fraction <= 1)) {
                throw new ValidationException(field, "part " + name + " has fraction " + kv[1].strip()
                        + "; each fraction must be above 0 and at most 1");
            }
            sum += fraction;
            parts.add(new Part(name, fraction));
        }
        if (parts.size() < 2) {
            throw new ValidationException(field, "a split needs at least two parts, e.g. train=0.8,test=0.2");
        }
        if (Math.abs(sum - 1.0) > 0.001) {
            throw new ValidationException(field, "the fractions add up to " + Math.round(sum * 1000) / 1000.0
                    + ", not 1; e.g. train=0.8,validation=0.1,test=0.1");
        }
        return new DatasetSplit(mode, seed, parts);
    }

    /** The text {@link #parse} reads. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(p.name()).append('=').append(p.fraction());
        }
        return sb.toString();
    }
}
