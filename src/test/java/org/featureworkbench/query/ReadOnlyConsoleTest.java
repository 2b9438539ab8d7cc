package org.featureworkbench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing typed into the console can write, delete, attach or read outside the offline store. */
class ReadOnlyConsoleTest {
    @TempDir
    Path dir;
    @TempDir
    Path outside;

    @Test
    void hostileStatementsAreRefusedAndChangeNothing() throws IOException {
        Path ws = dir.resolve("ws");
        try (QueryFixture f = new QueryFixture(ws).group("g", FeatureType.STRING,
                new FeatureDefinition("v", FeatureType.INTEGRAL))) {
            f.put("g", "id", "a", "ts", "2026-01-01T00:00:00Z", "v", "1");
            assertEquals(1L, f.single("SELECT count(*) FROM g"));
            String folder = f.store.describeFeatureGroup("g").offlineFolderName();
            Path secret = Files.writeString(outside.resolve("secret.csv"), "a,b\n1,2\n");
            String out = outside.toString();
            List<String> hostile = List.of(
                    "COPY g TO '" + out + "/x.csv'",
                    "COPY (SELECT 1) TO '" + ws.resolve("offline-store") + "/x.parquet' (FORMAT PARQUET)",
                    "EXPORT DATABASE '" + out + "/dump'",
                    "IMPORT DATABASE '" + out + "/dump'",
                    "ATTACH '" + out + "/other.duckdb' AS other",
                    "DETACH fwb_mirror",
                    "INSTALL httpfs",
                    "LOAD httpfs",
                    "SET enable_external_access = true",
                    "SET allowed_directories = ['/']",
                    "RESET lock_configuration",
                    "CREATE SECRET (TYPE S3, KEY_ID 'k', SECRET 's')",
                    "CREATE TABLE t AS SELECT 1",
                    "CREATE MACRO m(x) AS x",
                    "DROP VIEW g",
                    "DROP TABLE fwb_mirror.\"" + folder + "\"",
                    "ALTER VIEW g RENAME TO h",
                    "INSERT INTO fwb_mirror.files VALUES ('x', 'y')",
                    "DELETE FROM fwb_mirror.files",
                    "UPDATE fwb_mirror.\"" + folder + "\" SET v = 99",
                    "PRAGMA enable_profiling",
                    "CHECKPOINT",
                    "VACUUM",
                    "USE fwb_mirror",
                    "SELECT 1; DROP VIEW g",
                    "SELECT * FROM query('DROP VIEW g')",
                    "SELECT * FROM read_csv('" + secret + "')",
                    "SELECT * FROM read_text('/etc/hostname')",
                    "SELECT * FROM glob('/*')",
                    "SELECT * FROM read_blob('" + ws.resolve("online") + "/workbench.mv.db')",
                    "SELECT * FROM 'https://example.com/data.parquet'");
            for (String sql : hostile) {
                QueryException refused = assertThrows(QueryException.class, () -> f.rows(sql), sql);
                String message = refused.getMessage();
                assertFalse(message.isBlank(), sql);
                assertFalse(message.contains("java.") || message.contains("org.duckdb") || message.contains("Exception"),
                        sql + " → " + message);
            }
            assertEquals(1L, f.single("SELECT count(*) FROM g"), "the view and its rows are intact");
            assertEquals(1L, f.single("SELECT v FROM g"));
            try (Stream<Path> written = Files.list(outside)) {
                assertEquals(List.of(secret), written.toList(), "nothing was written outside the workspace");
            }
            assertFalse(Files.exists(ws.resolve("offline-store").resolve("x.parquet")));
        }
    }

    @Test
    void theRefusalSaysWhatToDoInstead() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING)) {
            QueryException copy = assertThrows(QueryException.class, () -> f.rows("COPY g TO 'x.csv'"));
            assertTrue(copy.getMessage().contains("'COPY' is refused") && copy.getMessage().contains("Export"),
                    copy.getMessage());
            QueryException two = assertThrows(QueryException.class, () -> f.rows("SELECT 1; SELECT 2"));
            assertTrue(two.getMessage().contains("one statement at a time"), two.getMessage());
            QueryException readThenDrop = assertThrows(QueryException.class, () -> f.rows("SELECT * FROM g; DROP TABLE g"));
            assertTrue(readThenDrop.getMessage().contains("'DROP' is refused"), readThenDrop.getMessage());
            QueryException empty = assertThrows(QueryException.class, () -> f.rows("  ;  "));
            assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        }
    }

    @Test
    void anUnknownTableNamesTheGroupsInsteadOfDuckDbsSystemTables() {
        try (QueryFixture f = new QueryFixture(dir).group("customers", FeatureType.STRING).group("orders", FeatureType.STRING)) {
            QueryException unknown = assertThrows(QueryException.class, () -> f.rows("SELECT * FROM nosuch"));
            assertTrue(unknown.getMessage().startsWith("there is no feature group or table named nosuch; the feature "
                    + "groups are customers, orders"), unknown.getMessage());
            assertTrue(unknown.getMessage().contains("(at line 1, column 15)"), unknown.getMessage());
            assertFalse(unknown.getMessage().contains("pg_"), unknown.getMessage());
            QueryException typo = assertThrows(QueryException.class, () -> f.rows("SELECT * FROM custmers"));
            assertTrue(typo.getMessage().contains("did you mean \"customers\"?"), typo.getMessage());
        }
    }

    @Test
    void errorsCarryTheLineAndColumnOfTheUsersStatement() {
        try (QueryFixture f = new QueryFixture(dir).group("g", FeatureType.STRING)) {
            QueryException syntax = assertThrows(QueryException.class, () -> f.rows("SELECT *\nFORM g"));
            // "FORM" reads as an alias of *, so the error is at "g".
            assertTrue(syntax.getMessage().contains("near \"g\" (at line 2, column 6)"), syntax.getMessage());
            QueryException binder = assertThrows(QueryException.class, () -> f.rows("SELECT id,\n  nope FROM g"));
            assertTrue(binder.getMessage().contains("nope") && binder.getMessage().contains("at line 2, column 3"),
                    binder.getMessage());
            QueryException missing = assertThrows(QueryException.class, () -> f.rows("SELECT * FROM nosuchgroup"));
            assertTrue(missing.getMessage().contains("nosuchgroup"), missing.getMessage());
        }
    }
}
