package org.featureworkbench.health;

import java.nio.file.Path;
import org.featureworkbench.model.FeatureStoreException;

/**
 * The workspace database file could not be opened because it is damaged. The message says what to
 * run; {@code check} and {@code repair} catch it and work without the database.
 */
public final class DamagedDatabaseException extends FeatureStoreException {
    private final Path databaseFile;

    public DamagedDatabaseException(Path databaseFile, Throwable cause) {
        super("the workspace database " + databaseFile + " is damaged and cannot be opened; run "
                + "'feature-workbench check' to see what is affected and 'feature-workbench repair' to set the "
                + "file aside and rebuild it from the offline store", cause);
        this.databaseFile = databaseFile;
    }

    public Path databaseFile() {
        return databaseFile;
    }
}
