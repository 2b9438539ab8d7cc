package org.featureworkbench.ui.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.health.HealthReport;
import org.featureworkbench.testing.DamagedTablePages;
import org.featureworkbench.ui.ScriptedDialogs;
import org.featureworkbench.ui.shell.MainViewModel;
import org.featureworkbench.ui.task.CurrentThreadTaskExecutor;
import org.featureworkbench.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: "a workspace with a damaged database says so when it is opened". Random bytes inside an
 * online table's pages leave every name in place, so the quick opening check passes; the window's
 * background read of every table must still find the damage and say so.
 */
class DamageFoundAfterOpeningTest {
    @TempDir
    Path temp;

    @Test
    void aHealthyWorkspaceOpensWithoutADialogAfterItsTablesAreRead() {
        Path seeded = DamagedTablePages.seed(temp.resolve("healthy"));
        try (FeatureStore store = Workspace.open(seeded)) {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            MainViewModel main = new MainViewModel(store, new CurrentThreadTaskExecutor(), dialogs);
            main.checkAtOpening();
            assertFalse(main.showingHealthProperty().get());
            assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
            HealthReport tables = store.health().readTables();
            assertTrue(tables.healthy(), tables.findings().toString());
            Matcher rows = Pattern.compile("\\((\\d+) rows\\)").matcher(tables.checked());
            assertTrue(rows.find(), tables.checked());
            assertTrue(Long.parseLong(rows.group(1)) >= DamagedTablePages.RECORDS, "every row read: " + tables.checked());
        }
    }

    @Test
    void damagedPagesTheQuickCheckCannotSeeAreFoundInTheBackgroundAndShown() {
        Path seeded = DamagedTablePages.seed(temp.resolve("seed"));
        int found = 0;
        for (Iterator<Path> copies = DamagedTablePages.copiesWithNoise(seeded, temp).iterator();
             copies.hasNext() && found == 0; ) {
            Path copy = copies.next();
            FeatureStore store;
            try {
                store = Workspace.open(copy);
            } catch (RuntimeException unopenable) {
                continue; // the bytes hit the file's header or metadata: another test's case
            }
            try (store) {
                if (!store.health().atOpening().healthy()) {
                    continue; // names damaged: the quick check's own case
                }
                ScriptedDialogs dialogs = new ScriptedDialogs();
                MainViewModel main = new MainViewModel(store, new CurrentThreadTaskExecutor(), dialogs);
                main.checkAtOpening();
                if (dialogs.errors.isEmpty() && store.health().check().healthy()) {
                    continue; // the bytes hit a free page: nothing to find
                }
                assertTrue(main.showingHealthProperty().get(), "the Check page opens");
                assertFalse(main.health().findings().isEmpty());
                assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
                assertTrue(dialogs.errors.get(0).startsWith("The workspace is damaged: "), dialogs.errors.get(0));
                assertTrue(dialogs.errors.get(0).contains("cannot be read"), dialogs.errors.get(0));
                found++;
            }
        }
        assertEquals(1, found, "some place in the file holds a table page whose damage only a read finds");
    }
}
