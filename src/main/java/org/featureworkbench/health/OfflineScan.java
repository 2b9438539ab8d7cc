package org.featureworkbench.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Looks at the offline store: the footer of every published
 * Parquet file (of kept, deleted groups' folders too). Reading a footer costs one small read at
 * the end of the file, so the whole store is checked quickly. Stateless.
 */
final class OfflineScan {
    private final Path offlineStore;

    OfflineScan(Path offlineStore) {
        this.offlineStore = offlineStore;
    }

    record Result(List<Finding> findings, List<Path> unreadable, int filesRead) {
    }

    Result scan() {
        List<Finding> findings = new ArrayList<>();
        // A group's folder appears with its first published row, so a missing one is no finding: a new group
        // has none, and a folder removed by hand shows as that group's missing rows, which nothing here can tell.
        List<Path> unreadable = new ArrayList<>();
        List<Path> files = publishedFiles();
        for (Path file : files) {
            String why = footerProblem(file);
            if (why != null) {
                unreadable.add(file);
                findings.add(Findings.parquetUnreadable(file, why));
            }
        }
        return new Result(findings, unreadable, files.size());
    }

    /** Every published Parquet file below {@code <offline-store>/<folder>/data/}. */
    List<Path> publishedFiles() {
        if (!Files.isDirectory(offlineStore)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(offlineStore)) {
            return walk.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".parquet") && !name.startsWith(".") && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the offline files in " + offlineStore, e);
        }
    }

    /** Null when the footer reads, else why not, in plain words. */
    static String footerProblem(Path file) {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            long rows = reader.getRecordCount();
            return rows < 0 ? "its footer gives a negative row count" : null;
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("is not a Parquet file") || message.contains("too small")) {
                return "it is cut short or overwritten: it does not end with a Parquet footer";
            }
            return "its footer cannot be decoded";
        }
    }
}
