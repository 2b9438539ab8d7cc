package org.featureworkbench.writepath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.featureworkbench.model.FeatureGroup;

/**
 * The offline file tokens that a journal segment of the workspace can still be published with
 * (ADR 0019 addendum 4). A segment is deleted only after its rows were published, and a deleted
 * segment never comes back, so the token of a segment file that no longer exists — in the
 * journal of any process, living or dead — can never be replayed: compaction may drop it from a
 * partition's {@code .tokens}. Segment file names are enough (journal id, segment number); the
 * files are not read.
 */
final class ReplayableTokens {
    private ReplayableTokens() {
    }

    /** The tokens of {@code group} for every segment file now in the workspace's journals. */
    static Set<String> of(Path workspace, FeatureGroup group) throws IOException {
        Set<String> tokens = new HashSet<>();
        Path root = workspace.resolve(RecordJournal.FOLDER);
        if (!Files.isDirectory(root)) {
            return tokens;
        }
        List<Path> journals;
        try (Stream<Path> entries = Files.list(root)) {
            journals = entries.filter(Files::isDirectory).toList();
        }
        long created = group.creationTime().getEpochSecond();
        for (Path journal : journals) {
            String journalId = journal.getFileName().toString();
            try {
                for (Path segment : JournalSegments.list(journal)) {
                    tokens.add(JournalSettler.token(journalId, JournalSegments.number(segment), group.name(), created));
                }
            } catch (NoSuchFileException gone) {
                // The journal was settled and deleted meanwhile: none of its segments can return.
            }
        }
        return tokens;
    }
}
