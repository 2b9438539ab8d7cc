package org.featureworkbench.ui.explore;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** SQL syntax colouring for the editor: keywords, functions, strings, quoted names, numbers, comments. */
final class SqlHighlighter {
    private static final String KEYWORDS = String.join("|", List.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER",
            "LIMIT", "OFFSET", "HAVING", "JOIN", "LEFT", "RIGHT", "FULL", "INNER", "OUTER", "CROSS", "ON", "USING", "AND",
            "OR", "NOT", "AS", "DISTINCT", "WITH", "UNION", "ALL", "EXCEPT", "INTERSECT", "EXCLUDE", "REPLACE", "DESC",
            "ASC", "CASE", "WHEN", "THEN", "ELSE", "END", "IS", "NULL", "IN", "BETWEEN", "LIKE", "ILIKE", "OVER",
            "PARTITION", "WINDOW", "QUALIFY", "TRUE", "FALSE", "INTERVAL", "CAST", "TIMESTAMP", "TIMESTAMPTZ", "DATE",
            "VALUES", "DESCRIBE", "SUMMARIZE", "FILTER", "NULLS", "FIRST", "LAST", "ASOF", "POSITIONAL", "PIVOT",
            "UNPIVOT", "LATERAL", "RECURSIVE"));
    private static final Pattern PATTERN = Pattern.compile(
            "(?<COMMENT>--[^\n]*|/\\*(?s:.*?)\\*/)"
                    + "|(?<STRING>'(?:[^']|'')*'?)"
                    + "|(?<QUOTED>\"(?:[^\"]|\"\")*\"?)"
                    + "|(?<KEYWORD>\\b(?i:" + KEYWORDS + ")\\b)"
                    + "|(?<FUNCTION>\\b[A-Za-z_][A-Za-z0-9_]*(?=\\s*\\())"
                    + "|(?<NUMBER>\\b\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?\\b)");
    private static final String[] GROUPS = {"COMMENT", "STRING", "QUOTED", "KEYWORD", "FUNCTION", "NUMBER"};

    private SqlHighlighter() {
    }

    static StyleSpans<Collection<String>> spans(String text) {
        Matcher m = PATTERN.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = null;
            for (String g : GROUPS) {
                if (m.group(g) != null) {
                    style = "sql-" + g.toLowerCase(java.util.Locale.ROOT);
                    break;
                }
            }
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
