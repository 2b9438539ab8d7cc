package org.featureworkbench.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A file-system failure in our words. {@code java.nio} exceptions carry only a path as their
 * message ("/data/x.csv") and say what went wrong in their class name, which a user should never
 * see; this turns them into "/data/x.csv does not exist". Stateless and thread-safe.
 */
public final class IoProblems {
    private IoProblems() {
    }

    /**
     * What went wrong, naming the path, without any Java class name: e.g. {@code /a/b does not exist},
     * {@code /a/b: permission denied}.
     *
     * @param e the failure, may be null
     */
    public static String reason(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return path(n) + " does not exist";
        }
        if (e instanceof AccessDeniedException a) {
            return path(a) + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return path(f) + " already exists (as a file where a folder is needed, or the other way round)";
        }
        if (e instanceof NotDirectoryException d) {
            return path(d) + " is not a folder";
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return path(d) + " is a folder that is not empty";
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() == null ? "the file system refused the operation"
                    : f.getReason().toLowerCase(Locale.ROOT);
            return path(f) + ": " + reason;
        }
        if (e instanceof IOException && e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        return "an input/output error";
    }

    /**
     * Any failure as a front end may show it: the store's own message for a
     * {@link FeatureStoreException}, {@link #reason} for a file-system failure (also inside an
     * {@code UncheckedIOException}), and for anything else (a bug) a sentence that names no Java
     * class and points at the workspace log, where the stack trace is.
     */
    public static String describe(Throwable e) {
        if (e instanceof FeatureStoreException && e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        Throwable io = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (io instanceof IOException) {
            return reason(io);
        }
        return "an unexpected error inside Feature Workbench (a bug); the workspace log has the details";
    }

    private static String path(FileSystemException e) {
        String file = e.getFile() == null ? "the file" : e.getFile();
        return e.getOtherFile() == null ? file : file + " (with " + e.getOtherFile() + ")";
    }
}
