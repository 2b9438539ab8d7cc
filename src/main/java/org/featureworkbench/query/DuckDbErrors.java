package org.featureworkbench.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's error text as a user should read it, on one line: the kind and message DuckDB gives,
 * with its {@code LINE n:} excerpt and caret turned into "at line n, column c" of the statement the
 * user typed (front ends print errors on one line, where a caret would point nowhere), and the
 * JDBC driver's wrapping removed. Thread-safe.
 */
final class DuckDbErrors {
    private static final Pattern EXCERPT = Pattern.compile("\\n\\s*LINE (\\d+): (.*?)\\n( *)\\^", Pattern.DOTALL);

    private DuckDbErrors() {
    }

    static String describe(String message) {
        return describe(message, null, 0);
    }

    /**
     * @param ran         the statement DuckDB ran, to place the caret when its excerpt is cut
     *                    ("LINE 1: ...end of a long line"); may be null
     * @param linesBefore lines the engine put before the user's statement (CREATE TEMP TABLE …)
     */
    static String describe(String message, String ran, int linesBefore) {
        if (message == null || message.isBlank()) {
            return "DuckDB gave no reason";
        }
        String text = message.strip();
        for (String prefix : new String[] {"java.sql.SQLException: ", "Invalid Input Error: "}) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        if (text.startsWith("Permission Error:")) {
            // The lock-down of ADR 0013 at work: say what a query may read, not which DuckDB setting refused.
            return "a query reads only the workspace's feature groups (tables named after them, and NAME_latest); "
                    + "files, URLs and other databases cannot be read here";
        }
        Matcher m = EXCERPT.matcher(text);
        if (m.find()) {
            String head = text.substring(0, m.start()).strip();
            int line = Integer.parseInt(m.group(1));
            String excerpt = m.group(2);
            int caret = m.group(3).length() - ("LINE " + m.group(1) + ": ").length();
            int column = caret + 1;
            if (excerpt.startsWith("...")) {
                column = -1;
                String[] lines = ran == null ? new String[0] : ran.split("\n", -1);
                String visible = excerpt.substring(3);
                visible = visible.endsWith("...") ? visible.substring(0, visible.length() - 3) : visible;
                if (line - 1 < lines.length && !visible.isEmpty()) {
                    int at = lines[line - 1].lastIndexOf(visible);
                    column = at >= 0 ? at + caret - 3 + 1 : -1;
                }
            }
            int userLine = line - linesBefore;
            text = userLine >= 1 && column > 0 ? head + " (at line " + userLine + ", column " + column + ")" : head;
        }
        return text.replace("Interrupted Error: Interrupted!", "the query was interrupted");
    }
}
