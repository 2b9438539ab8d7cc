package org.featureworkbench.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TakeOverRepair}: any opening of a file a killed process left is repaired, not only
 * {@link WorkspaceDatabase}'s take-over. The connection here is a plain JDBC one on the workspace
 * URL, as H2 opens when it re-connects an auto-commit session by itself. The file is the one a
 * killed writer left ({@code h2-killed-writer}): a row version of a transaction in no log, so
 * every journal mark must be distrusted afterwards.
 */
class TakeOverRepairTest {
    @TempDir
    Path workspace;

    @Test
    void openingAFileAKilledOwnerLeftClearsItsRowsAndDistrustsEveryMark() throws Exception {
        Path online = fixture();
        Files.writeString(online.resolve("workbench.lock.db"), "#FileLock\nid=0123\nmethod=file\n"
                + "server=127.0.0.1\\:1\nserverId=killed-owner\n", StandardCharsets.ISO_8859_1);
        // Old already: H2's protocol for a stale lock file then skips its first wait.
        Files.setLastModifiedTime(online.resolve("workbench.lock.db"),
                FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        assertEquals(List.of(TornCommits.UNKNOWN_MARK, TornCommits.UNKNOWN_MARK), marks());
    }

    @Test
    void aFileClosedCleanlyIsLeftAsItIs() throws Exception {
        fixture(); // its header carries H2's clean-close mark, and no lock file lies beside it

        assertEquals(List.of(0L, 630L), marks());
    }

    @Test
    void aFileIsLeftUnclosedWhenItsLockFileRemainsOrItsHeaderLacksTheCleanMark() throws Exception {
        Path dir = Files.createDirectories(workspace.resolve("h"));
        Path base = dir.resolve("workbench");
        assertFalse(TornCommits.leftUnclosed(base), "no file: nothing to repair");

        Files.writeString(dir.resolve("workbench.mv.db"), "H:2,block:9,blockSize:1000,chunk:3a,clean:1,created:1a2,"
                + "format:3,version:3a,fletcher:9a9feef9\n", StandardCharsets.ISO_8859_1);
        assertFalse(TornCommits.leftUnclosed(base));

        Files.writeString(dir.resolve("workbench.mv.db"), "H:2,block:9,blockSize:1000,chunk:3a,created:1a2,"
                + "format:3,version:3a,fletcher:9a9feef9\n", StandardCharsets.ISO_8859_1);
        assertTrue(TornCommits.leftUnclosed(base), "written since it was opened, never closed");

        Files.writeString(dir.resolve("workbench.mv.db"), "H:2,clean:1,format:3\n", StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("workbench.lock.db"), "#FileLock\n", StandardCharsets.ISO_8859_1);
        assertTrue(TornCommits.leftUnclosed(base), "an owner's lock file outlived it");
    }

    @Test
    void theFileIsNamedByTheWorkspaceUrl() {
        assertEquals(workspace.resolve("online").resolve("workbench"),
                TakeOverRepair.fileBase(Workspace.jdbcUrl(workspace)));
        assertNull(TakeOverRepair.fileBase("jdbc:h2:mem:"));
    }

    private Path fixture() throws Exception {
        Path online = Files.createDirectories(workspace.resolve("online"));
        try (InputStream db = getClass().getResourceAsStream("/h2-killed-writer/workbench.mv.db")) {
            Files.copy(db, online.resolve("workbench.mv.db"));
        }
        return online;
    }

    private List<Long> marks() throws Exception {
        List<Long> marks = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(workspace), "fwb", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT APPLIED_SEQ FROM " + TornCommits.JOURNAL_TABLE
                     + " ORDER BY APPLIED_SEQ")) {
            while (rs.next()) {
                marks.add(rs.getLong(1));
            }
        }
        return marks;
    }
}
