package org.featureworkbench.ui.create;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.featureworkbench.model.ValidationException;

/** Converts tag rows to the map a definition holds; blank rows are ignored. */
final class TagRows {
    private TagRows() {
    }

    static Map<String, String> toMap(List<TagRow> rows) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (TagRow row : rows) {
            String key = trim(row.keyProperty().get());
            String value = trim(row.valueProperty().get());
            if (!key.isEmpty() || !value.isEmpty()) {
                tags.put(key, value);
            }
        }
        return tags;
    }

    /** A map would silently keep only the last of two equal keys, so report them instead. */
    static List<ValidationException> duplicateKeys(List<TagRow> rows) {
        List<ValidationException> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TagRow row : rows) {
            String key = trim(row.keyProperty().get());
            if (!key.isEmpty() && !seen.add(key)) {
                problems.add(new ValidationException("Tags.Key", "tag key '" + key + "' is used twice; keep one"));
            }
        }
        return problems;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
