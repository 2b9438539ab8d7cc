package org.featureworkbench.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where repair puts what it cannot read: {@code <workspace>/damaged/<UTC time of the repair>/}
 * followed by the file's path inside the workspace. Nothing is ever deleted, so a user (or a
 * better tool) can still try to recover bytes from it. One instance per repair run.
 */
final class DamagedFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path workspace;
    private final Path folder;

    DamagedFiles(Path workspace, Clock clock) {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.folder = this.workspace.resolve("damaged").resolve(STAMP.format(clock.instant()));
    }

    /** Moves the file aside and returns where it went. */
    Path moveAside(Path file) throws IOException {
        Path target = targetOf(file);
        Files.createDirectories(target.getParent());
        return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Copies the file aside (the original stays, e.g. to be cut back) and returns the copy. */
    Path copyAside(Path file) throws IOException {
        Path target = targetOf(file);
        Files.createDirectories(target.getParent());
        return Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path targetOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(workspace) ? workspace.relativize(absolute) : absolute.getFileName();
        return folder.resolve(relative);
    }
}
