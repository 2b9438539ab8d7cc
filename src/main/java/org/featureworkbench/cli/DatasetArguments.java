package org.featureworkbench.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.dataset.Durations;
import org.featureworkbench.dataset.JoinedGroup;
import org.featureworkbench.model.ValidationException;

/**
 * Reads {@code dataset}'s repeated options into joined groups: {@code --join GROUP[:f1,f2]},
 * {@code --on GROUP=BASECOL}, {@code --lookback GROUP=7d}. An {@code --on} or {@code --lookback}
 * must name a joined group.
 */
final class DatasetArguments {
    private DatasetArguments() {
    }

    static List<JoinedGroup> joins(List<String> joins, List<String> on, List<String> lookbacks) {
        Map<String, JoinedGroup> byGroup = new LinkedHashMap<>();
        for (String j : joins) {
            String text = j.strip();
            int colon = text.indexOf(':');
            String group = (colon < 0 ? text : text.substring(0, colon)).strip();
            if (group.isEmpty()) {
                throw new ValidationException("--join", "'" + j + "' names no group; write GROUP or GROUP:feature1,feature2");
            }
            List<String> features = new ArrayList<>();
            if (colon >= 0) {
                for (String f : text.substring(colon + 1).split(",")) {
                    if (!f.isBlank()) {
                        features.add(f.strip());
                    }
                }
                if (features.isEmpty()) {
                    throw new ValidationException("--join", "'" + j + "' lists no features after ':'; write "
                            + group + ":feature1,feature2, or just " + group + " for all its features");
                }
            }
            if (byGroup.put(group, new JoinedGroup(group, features, null, null)) != null) {
                throw new ValidationException("--join", "group '" + group + "' is joined twice; join it once and list "
                        + "the features you want: --join " + group + ":f1,f2");
            }
        }
        for (String o : on) {
            String[] kv = pair(o, "--on", "GROUP=BASECOL, e.g. --on customers=customer_id");
            byGroup.put(kv[0], joined(byGroup, kv[0], "--on").on(kv[1]));
        }
        for (String l : lookbacks) {
            String[] kv = pair(l, "--lookback", "GROUP=WINDOW, e.g. --lookback customers=7d");
            Duration window = Durations.parse(kv[1], "--lookback");
            byGroup.put(kv[0], joined(byGroup, kv[0], "--lookback").withLookback(window));
        }
        return new ArrayList<>(byGroup.values());
    }

    private static JoinedGroup joined(Map<String, JoinedGroup> byGroup, String group, String field) {
        JoinedGroup j = byGroup.get(group);
        if (j == null) {
            throw new ValidationException(field, "group '" + group + "' is not joined; add --join " + group
                    + (byGroup.isEmpty() ? "" : " (joined: " + String.join(", ", byGroup.keySet()) + ")"));
        }
        return j;
    }

    private static String[] pair(String text, String field, String form) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new ValidationException(field, "'" + text + "' is not " + form);
        }
        return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1).strip()};
    }
}
