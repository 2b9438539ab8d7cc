package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The database's failures in our words: never our SQL text or H2's error codes. */
class EngineMessagesTest {

    @Test
    void anEngineMessageLosesItsStatementAndCode() {
        SQLException e = failureOf("SELECT nope FROM INFORMATION_SCHEMA.TABLES");
        String plain = EngineMessages.plain(e);
        assertTrue(e.getMessage().contains("SQL statement"), "H2 appends the statement: " + e.getMessage());
        assertFalse(plain.contains("SQL statement"), plain);
        assertFalse(plain.contains("SELECT"), plain);
        assertFalse(plain.matches(".*\\[\\d+-\\d+]$"), plain);
        assertTrue(plain.contains("NOPE"), "the engine's own sentence stays: " + plain);
    }

    @Test
    void aLockTimeoutAndAClosedDatabaseAreSaidInOurWords() {
        assertTrue(EngineMessages.plain(new SQLException("Timeout trying to lock table \"T\"; SQL statement: DROP TABLE T",
                "HYT00", org.h2.api.ErrorCode.LOCK_TIMEOUT_1)).startsWith("another command held the rows or the table"));
        assertTrue(EngineMessages.plain(new SQLException("Database is already closed", "90098",
                org.h2.api.ErrorCode.DATABASE_IS_CLOSED)).startsWith("the workspace database was closed"));
    }

    @Test
    void aMessageWithoutStatementOrCodeIsKeptWhole() {
        assertEquals("Value too long for column", EngineMessages.withoutStatement("Value too long for column"));
    }

    private static SQLException failureOf(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:engine-messages");
             Statement s = c.createStatement()) {
            s.executeQuery(sql);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected " + sql + " to fail");
    }
}
