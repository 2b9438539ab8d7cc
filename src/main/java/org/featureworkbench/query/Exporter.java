package org.featureworkbench.query;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;
import org.featureworkbench.model.ValidationException;

/**
 * Writes a result to a CSV or Parquet file with DuckDB's COPY. COPY may only write into the
 * locked-down database's staging folder, so the file is written there and then moved to the
 * user's chosen path: a reader of the target never sees half a file, and a failed export leaves
 * the target as it was. The workspace's own stores are never a target. Thread-safe.
 */
final class Exporter {
    /**
     * Every folder the workspace keeps for itself (the layout is spread over the packages that own
     * each part): the database, the Parquet store with the definition files beside each group's
     * folder, the record journals, the query engine's files and history, the workspace-wide locks
     * and settle requests, the ingest job records, the online-only backup, files moved aside by
     * {@code repair}, the log, and the dataset manifests. Only {@code exports/} and places outside
     * the workspace take a user's file.
     */
    static final List<String> STORE_FOLDERS = List.of("online", "offline-store", "journal", "query", "locks", "jobs",
            "backup", "damaged", "logs", "datasets");

    private final QueryDatabase database;
    private final Path workspace;
    private final StatementRunner runner;
    private final org.featureworkbench.model.Notices notes;

    Exporter(QueryDatabase database, Path workspace, StatementRunner runner, org.featureworkbench.model.Notices notes) {
        this.database = database;
        this.workspace = workspace.toAbsolutePath().normalize();
        this.runner = runner;
        this.notes = notes;
    }

    long export(String sql, Path target, ExportFormat format, QueryCancellation cancellation) {
        Path destination = checkTarget(target);
        Connection c = database.newConnection();
        Path staged = null;
        try {
            StagedFile file = stage(c, sql, format, cancellation);
            staged = file.file();
            move(staged, destination);
            return file.rows();
        } finally {
            try {
                c.close();
                if (staged != null) {
                    Files.deleteIfExists(staged);
                }
            } catch (SQLException | IOException ignored) {
                // a leftover staging file is removed with the next export's folder clean-up
            }
        }
    }

    /** COPYs a result into a new staging file on {@code c}; returns the file (the caller moves or deletes it). */
    StagedFile stage(Connection c, String sql, ExportFormat format, QueryCancellation cancellation) {
        Path staged = database.stagingDirectory().resolve(UUID.randomUUID() + "." + format.extension());
        try {
            long rows = runner.execute(c, "COPY (\n" + sql + "\n) TO " + Sql.literal(staged.toString()) + " "
                    + format.copyOptions(), QueryOptions.DEFAULT, cancellation);
            return new StagedFile(staged, rows);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // removed with the next clean-up
            }
            throw e;
        }
    }

    Path checkTarget(Path target) {
        Path destination = target.toAbsolutePath().normalize();
        refuseStoreFolders(destination, destination, workspace);
        // A link (a linked workspace, or a link inside it) must not lead into a store folder either.
        refuseStoreFolders(destination, realPath(destination), realPath(workspace));
        if (Files.isDirectory(destination)) {
            throw new ValidationException("--out", destination + " is a folder; give a file name, e.g. "
                    + destination.resolve("result.csv"));
        }
        Path parent = destination.getParent();
        boolean missing = !Files.isDirectory(parent);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new ValidationException("--out", "cannot create the folder " + parent + " for the export: "
                    + IoProblems.reason(e));
        }
        if (missing) {
            // Convenient, but said: a mistyped folder name would otherwise go unnoticed.
            notes.publish("created folder " + parent + " for the output");
        }
        if (!Files.isWritable(parent)) {
            throw new ValidationException("--out", "the folder " + parent + " is not writable; choose another place");
        }
        return destination;
    }

    private static void refuseStoreFolders(Path asGiven, Path destination, Path workspace) {
        for (String folder : STORE_FOLDERS) {
            if (destination.startsWith(workspace.resolve(folder))) {
                throw new ValidationException("--out", "an export cannot be written into the workspace's "
                        + folder + "/ folder (" + asGiven + "): the workspace keeps its own files there; choose a file "
                        + "under " + workspace.resolve("exports") + " or anywhere outside the workspace");
            }
        }
    }

    /** The path with every link of its longest existing part resolved (the rest appended as given). */
    private static Path realPath(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            return path;
        }
    }

    static void move(Path staged, Path destination) {
        try {
            try {
                Files.move(staged, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Another file system: copy beside the target, then rename, so the target is never partial.
                Path beside = destination.resolveSibling("." + destination.getFileName() + ".part");
                Files.copy(staged, beside, StandardCopyOption.REPLACE_EXISTING);
                Files.move(beside, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new FeatureStoreException("could not write " + destination + ": " + whyNot(e, destination), e);
        }
    }

    /** The reason in terms of the file the user named, not of the hidden file written beside it first. */
    private static String whyNot(IOException e, Path destination) {
        Path folder = destination.getParent();
        if (e instanceof java.nio.file.NoSuchFileException && folder != null && Files.isDirectory(folder)) {
            return "the folder " + folder + " does not take new files; choose another folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException && folder != null) {
            return "no permission to write in " + folder + "; choose another folder";
        }
        return IoProblems.reason(e).replace("." + destination.getFileName() + ".part", destination.getFileName().toString());
    }

    /** Runs one statement with cancel support (the engine's). */
    @FunctionalInterface
    interface StatementRunner {
        long execute(Connection c, String sql, QueryOptions options, QueryCancellation cancellation);
    }
}
