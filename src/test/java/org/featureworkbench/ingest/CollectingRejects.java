package org.featureworkbench.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.model.FeatureGroupDefinition;

/** A reject sink that keeps everything, plus a helper that runs a whole file through an IngestReader. */
final class CollectingRejects implements RejectSink {
    final List<RowRejection> rejections = new ArrayList<>();

    @Override
    public void reject(RowRejection rejection) {
        rejections.add(rejection);
    }

    /** Reads every row of {@code file} into {@code accepted}; returns the final counts. */
    static IngestProgress ingest(Path file, IngestOptions options, FeatureGroupDefinition group,
                                 CollectingRejects rejects, List<MappedRow> accepted) {
        try (IngestReader reader = IngestReader.open(file, options, group, rejects)) {
            reader.forEachRemaining(accepted::add);
            return reader.counts();
        }
    }

    String reasonAtLine(long line) {
        return rejections.stream().filter(r -> r.line() == line).map(RowRejection::reason).findFirst()
                .orElseThrow(() -> new AssertionError("no reject at line " + line + " in " + rejections));
    }
}
