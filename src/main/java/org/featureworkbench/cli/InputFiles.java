package org.featureworkbench.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;

/** Reads and writes the files a user names on the command line, with messages that say what went wrong. */
final class InputFiles {
    private InputFiles() {
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FeatureStoreException("cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new FeatureStoreException("cannot read " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new FeatureStoreException("cannot read " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new FeatureStoreException("cannot read " + file + ": it is a folder, not a file");
            }
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e), e);
        }
    }

    static void writeText(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot write " + file + ": " + e, e);
        }
    }
}
