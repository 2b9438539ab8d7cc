package org.featureworkbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The workspaces a killed process left, kept under src/test/resources/NAME: its gzipped database
 * file ({@code workbench.mv.db.gz}) and its record journal ({@code journal/}).
 */
public final class KilledWorkspaces {
    private KilledWorkspaces() {
    }

    /** Unpacks the fixture {@code name} into {@code workspace} (created); returns {@code workspace}. */
    public static Path unpack(String name, Path workspace) throws IOException {
        try {
            DamagedTablePages.copyTree(Path.of(KilledWorkspaces.class.getResource("/" + name + "/journal").toURI()),
                    workspace.resolve("journal"));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Files.createDirectories(workspace.resolve("online"));
        try (InputStream gz = new GZIPInputStream(KilledWorkspaces.class.getResourceAsStream("/" + name
                + "/workbench.mv.db.gz"))) {
            Files.copy(gz, workspace.resolve("online").resolve("workbench.mv.db"));
        }
        return workspace;
    }
}
