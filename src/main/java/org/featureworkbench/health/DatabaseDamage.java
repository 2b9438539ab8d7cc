package org.featureworkbench.health;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Tells a damaged database file apart from other failures, so that users read "the database is
 * damaged, run repair" instead of a storage engine's message. Stateless.
 */
public final class DatabaseDamage {
    private DatabaseDamage() {
    }

    /**
     * Runs the opening of a workspace; a failure caused by a damaged database file becomes a
     * {@link DamagedDatabaseException}, every other failure passes unchanged. This is the one hook
     * {@code Workspace.open} has into this package.
     */
    public static <T> T whileOpening(Path workspace, Supplier<T> open) {
        try {
            return open.get();
        } catch (RuntimeException e) {
            if (isDamage(e)) {
                throw new DamagedDatabaseException(databaseFile(workspace), e);
            }
            throw e;
        }
    }

    /** {@code <workspace>/online/workbench.mv.db}. */
    public static Path databaseFile(Path workspace) {
        return workspace.toAbsolutePath().normalize().resolve("online").resolve("workbench.mv.db");
    }

    /**
     * A failure's message for a user when {@link #isDamage} holds: what failed, in our words, then
     * what it means and what to run — without the storage engine's message.
     */
    public static String userMessage(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int cut = message.length();
        for (String engine : new String[] {": General error", ": File corrupted", ": org.h2", ": \"org.h2"}) {
            int at = message.indexOf(engine);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return message.substring(0, cut) + ": a page of the workspace database cannot be read (the file is damaged); "
                + "run 'feature-workbench check' to see what is affected and 'feature-workbench repair' to rebuild it";
    }

    /** Whether a failure (or any of its causes) is H2 reporting a page or file it cannot read. */
    public static boolean isDamage(Throwable failure) {
        return org.featureworkbench.database.DamagedFile.isDamage(failure);
    }
}
