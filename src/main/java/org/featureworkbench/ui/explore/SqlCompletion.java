package org.featureworkbench.ui.explore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.featureworkbench.query.RelationInfo;

/**
 * What the SQL editor offers at the caret: relations (group views and their {@code _latest} views),
 * the columns of relations the statement names (all relations' columns when it names none yet),
 * then SQL keywords and the {@code event_instant} macro — each starting with the word being typed.
 * Names that need it are quoted ({@code "ev-log"}). Pure; the editor shows the list.
 */
final class SqlCompletion {
    static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "LIMIT",
            "HAVING", "JOIN", "LEFT JOIN", "ON", "AND", "OR", "NOT", "AS", "DISTINCT", "COUNT", "WITH", "UNION ALL",
            "EXCLUDE", "DESC", "ASC", "CASE", "WHEN", "THEN", "ELSE", "END", "IS NULL", "IS NOT NULL", "BETWEEN",
            "date_trunc", "event_instant", "row_number() OVER", "PARTITION BY", "SUMMARIZE", "DESCRIBE");

    /** One proposal: the text shown, the text inserted, and what it is (relation, column, keyword). */
    record Proposal(String label, String insert, String kind) {
    }

    /** The proposals and where the typed word starts (the insert replaces {@code [start, caret)}). */
    record Proposals(int start, List<Proposal> items) {
    }

    private SqlCompletion() {
    }

    static Proposals at(String text, int caret, List<RelationInfo> relations) {
        int start = wordStart(text, caret);
        String typed = text.substring(start, caret);
        String prefix = typed.startsWith("\"") ? typed.substring(1) : typed;
        String lower = prefix.toLowerCase(Locale.ROOT);
        List<Proposal> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RelationInfo r : relations) {
            if (r.name().toLowerCase(Locale.ROOT).startsWith(lower) && seen.add("r:" + r.name())) {
                items.add(new Proposal(r.name(), quote(r.name()), r.latest() ? "latest snapshot" : "all versions"));
            }
        }
        String statement = text.toLowerCase(Locale.ROOT);
        List<RelationInfo> named = relations.stream().filter(r -> mentions(statement, r.name())).toList();
        for (RelationInfo r : named.isEmpty() ? relations : named) {
            for (String column : r.columns()) {
                if (column.toLowerCase(Locale.ROOT).startsWith(lower) && seen.add("c:" + column)) {
                    items.add(new Proposal(column, quote(column), "column of " + r.group()));
                }
            }
        }
        if (!typed.startsWith("\"") && !prefix.isEmpty()) {
            for (String k : KEYWORDS) {
                if (k.toLowerCase(Locale.ROOT).startsWith(lower) && !k.equalsIgnoreCase(prefix)) {
                    items.add(new Proposal(k, k.equals("event_instant") ? "event_instant(" : k, "keyword"));
                }
            }
        }
        return new Proposals(start, items);
    }

    /** The start of the identifier (or opened quoted identifier) that ends at the caret. */
    static int wordStart(String text, int caret) {
        int i = caret;
        while (i > 0 && (isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == '-')) {
            i--;
        }
        if (i > 0 && text.charAt(i - 1) == '"') {
            return i - 1;
        }
        i = caret;
        while (i > 0 && isWordChar(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean mentions(String statement, String relation) {
        String name = relation.toLowerCase(Locale.ROOT);
        int at = statement.indexOf(name);
        while (at >= 0) {
            int end = at + name.length();
            boolean before = at == 0 || !isWordChar(statement.charAt(at - 1));
            boolean after = end >= statement.length() || !isWordChar(statement.charAt(end));
            if (before && after) {
                return true;
            }
            at = statement.indexOf(name, at + 1);
        }
        return false;
    }

    /** A name as SQL: bare when it is a plain lower-case identifier, quoted otherwise. */
    static String quote(String name) {
        return name.matches("[a-z_][a-z0-9_]*") && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT))
                ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
