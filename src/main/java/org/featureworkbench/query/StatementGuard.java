package org.featureworkbench.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Lets through only one read-only query per call: DuckDB's own parser decides
 * ({@code json_serialize_sql} serialises SELECT statements and nothing else: not COPY, ATTACH,
 * INSTALL, SET, PRAGMA, CREATE, INSERT, EXPLAIN ANALYZE…). The database's locked configuration
 * (see {@link QueryDatabase}) is the second wall; this one gives the user a clear message.
 * Thread-safe.
 */
final class StatementGuard {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementGuard() {
    }

    private static String firstWord(String statement) {
        String stripped = statement.strip();
        return stripped.startsWith("(") ? "(" : stripped.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    }

    /**
     * Checks a statement typed by a user.
     *
     * @return the statement without a trailing semicolon, and the tables and views it names
     * @throws QueryException when it is empty, not a query, more than one statement, or does not parse
     */
    static CheckedQuery check(Connection connection, String sql) {
        String text = sql == null ? "" : stripTrailingSemicolons(sql);
        if (text.isBlank()) {
            throw new QueryException("the query is empty; type a SELECT statement, e.g. SELECT * FROM \"my-group\" LIMIT 10");
        }
        JsonNode parsed = serialize(connection, text);
        if (parsed.path("error").asBoolean(false)) {
            String type = parsed.path("error_type").asText("");
            if ("parser".equals(type)) {
                throw QueryException.atPosition("Parser Error: " + parsed.path("error_message").asText(),
                        text, parsed.path("position").asInt(-1));
            }
            throw new QueryException(refusal(text));
        }
        JsonNode statements = parsed.path("statements");
        if (statements.isEmpty()) {
            throw new QueryException("the query holds only comments; type a SELECT statement after them");
        }
        if (statements.size() != 1) {
            throw new QueryException("run one statement at a time: this text holds " + statements.size()
                    + " statements separated by ';'");
        }
        Set<String> tables = new LinkedHashSet<>();
        collectTables(statements.get(0), tables);
        return new CheckedQuery(text, tables);
    }

    private static JsonNode serialize(Connection connection, String text) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new QueryException("could not check the query: " + QueryDatabase.firstLine(e.getMessage()));
        }
    }

    private static final Set<String> READ_ONLY_STARTS = Set.of("SELECT", "FROM", "WITH", "VALUES", "DESCRIBE",
            "SUMMARIZE", "(");

    /** Names the statement's first word, or in several statements the first that is not a read (SELECT 1; DROP …). */
    private static String refusal(String text) {
        String keyword = java.util.Arrays.stream(text.split(";")).map(StatementGuard::firstWord)
                .filter(w -> !w.isEmpty() && !READ_ONLY_STARTS.contains(w)).findFirst().orElse(firstWord(text));
        String hint = switch (keyword) {
            case "COPY", "EXPORT" -> "; to save a result use Export… (on the command line: query --out FILE)";
            case "ATTACH", "DETACH", "INSTALL", "LOAD", "SET", "RESET", "PRAGMA", "CREATE", "DROP", "ALTER",
                 "INSERT", "UPDATE", "DELETE", "CALL", "CHECKPOINT", "VACUUM", "IMPORT", "USE" ->
                    "; the console only reads the feature store";
            default -> "";
        };
        return "only read-only queries (SELECT, FROM, WITH, VALUES, DESCRIBE, SUMMARIZE) can run here; "
                + (keyword.isEmpty() ? "this statement" : "'" + keyword + "'") + " is refused" + hint;
    }

    private static void collectTables(JsonNode node, Set<String> tables) {
        if (node.isObject()) {
            if ("BASE_TABLE".equals(node.path("type").asText()) && node.hasNonNull("table_name")) {
                tables.add(node.get("table_name").asText());
            }
            node.elements().forEachRemaining(child -> collectTables(child, tables));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectTables(child, tables));
        }
    }

    private static String stripTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** A statement that passed the guard, and the relations it reads. */
    record CheckedQuery(String sql, Set<String> tables) {
    }

}
