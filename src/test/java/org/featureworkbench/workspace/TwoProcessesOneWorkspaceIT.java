package org.featureworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.GroupListQuery;
import org.featureworkbench.testing.Definitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GUI keeps a workspace open while the CLI changes it: both must work. Here this JVM plays
 * the GUI and child JVMs play CLI invocations on the same workspace folder.
 */
class TwoProcessesOneWorkspaceIT {
    @TempDir
    Path workspace;

    @Test
    void secondProcessCreatesGroupWhileFirstHoldsTheWorkspaceOpen() throws Exception {
        try (FeatureStore gui = Workspace.open(workspace)) {
            gui.createFeatureGroup(Definitions.customers("from-gui"));
            org.featureworkbench.model.CatalogStamp before = gui.catalogStamp();

            ChildResult child = runChild("create", "from-cli");
            assertEquals(0, child.exitCode, child.output);
            // What the GUI's every-two-seconds check reads to notice another process's change.
            assertEquals(2, gui.catalogStamp().groupCount());
            assertTrue(gui.catalogStamp().latestVersion() > before.latestVersion(), gui.catalogStamp() + " vs " + before);

            List<String> names = gui.listFeatureGroups(GroupListQuery.ALL).stream().map(FeatureGroup::name).toList();
            assertEquals(List.of("from-cli", "from-gui"), names, "the open process sees the other's group");

            ChildResult list = runChild("list", "-");
            assertTrue(list.output.contains("from-gui") && list.output.contains("from-cli"), list.output);
        }
        // After the first process closed, a new process opens the database itself.
        ChildResult afterwards = runChild("list", "-");
        assertEquals(0, afterwards.exitCode, afterwards.output);
        assertTrue(afterwards.output.contains("from-cli"), afterwards.output);
    }

    private ChildResult runChild(String action, String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkspaceChild.class.getName(),
                workspace.toString(), action, name)
                .redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child process hung on the shared workspace");
        }
        return new ChildResult(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record ChildResult(int exitCode, String output) {
    }
}
