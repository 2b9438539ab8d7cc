package org.featureworkbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.featureworkbench.json.PutRecordJson;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.IoProblems;
import org.featureworkbench.model.PutResult;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.ValidationException;

/**
 * {@code put --record-file}: one PutRecord per non-blank line of a JSON Lines file, in order.
 * Stops at the first bad line with {@code FILE:LINE: …}; the records before it stay written
 * (each put is durable on its own), and the message says how many there were.
 */
final class RecordFilePut {
    private final Path file;
    private final Function<Record, PutResult> put;
    private final PutTally tally = new PutTally();

    RecordFilePut(Path file, Function<Record, PutResult> put) {
        this.file = file;
        this.put = put;
    }

    PutTally run() {
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    putLine(line, lineNumber);
                }
            }
        } catch (CharacterCodingException e) {
            throw new FeatureStoreException(file + ":" + (lineNumber + 1) + ": is not UTF-8 text" + written());
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read " + file + ": " + IoProblems.reason(e) + written(), e);
        }
        if (tally.records() == 0) {
            throw new ValidationException("--record-file", file + " has no records (it is empty or only blank lines);"
                    + " write one JSON object per line");
        }
        return tally;
    }

    private void putLine(String line, int lineNumber) {
        try {
            tally.add(put.apply(PutRecordJson.read(line, true)));
        } catch (ValidationException e) {
            throw new ValidationException("", file + ":" + lineNumber + ": " + e.getMessage() + written());
        } catch (FeatureStoreException e) {
            throw new FeatureStoreException(file + ":" + lineNumber + ": " + e.getMessage() + written(), e);
        }
    }

    private String written() {
        long n = tally.records();
        return n == 0 ? " (nothing was written)"
                : n == 1 ? " (the record before it was written, none after it)"
                : " (the " + n + " records before it were written, none after it)";
    }
}
