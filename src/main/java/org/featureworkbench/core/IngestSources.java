package org.featureworkbench.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.featureworkbench.ingest.CsvOptions;
import org.featureworkbench.ingest.IngestOptions;
import org.featureworkbench.ingest.IngestReader;
import org.featureworkbench.ingest.InferenceOptions;
import org.featureworkbench.ingest.InferredSchema;
import org.featureworkbench.ingest.SchemaInference;
import org.featureworkbench.ingest.SourceFormat;
import org.featureworkbench.ingest.SourceOptions;

/** Translates between the facade's ingest types and the ingest package's. Stateless. */
final class IngestSources {
    private IngestSources() {
    }

    static SourceOptions sourceOptions(FileOptions o) {
        SourceFormat format = o.format() == null ? null : switch (o.format()) {
            case CSV -> SourceFormat.CSV;
            case PARQUET -> SourceFormat.PARQUET;
            case JSONL -> SourceFormat.JSONL;
        };
        return new SourceOptions(format, new CsvOptions(o.delimiter(), null, null, o.encoding()));
    }

    static IngestOptions ingestOptions(FileOptions o) {
        return IngestOptions.DEFAULTS.withSource(sourceOptions(o));
    }

    /** What the user should know about how the file maps onto the group. */
    static List<String> notes(IngestReader reader) {
        List<String> notes = new ArrayList<>(reader.source().notes());
        if (!reader.mapping().unmappedColumns().isEmpty()) {
            notes.add("columns not in the group, ignored: " + String.join(", ", reader.mapping().unmappedColumns()));
        }
        if (!reader.mapping().absentFeatures().isEmpty()) {
            notes.add("features with no column, stored as null: " + String.join(", ", reader.mapping().absentFeatures()));
        }
        return notes;
    }

    static InferredGroup infer(Path file, FileOptions fileOptions, InferOptions options) {
        InferenceOptions inference = new InferenceOptions(options.groupName(), InferenceOptions.DEFAULT_SAMPLE_ROWS,
                options.recordId(), options.eventTime(), options.stampEventTime());
        InferredSchema schema = SchemaInference.infer(file, sourceOptions(fileOptions), inference);
        List<InferredGroup.Column> columns = schema.columns().stream()
                .map(c -> new InferredGroup.Column(c.column(), c.featureName(), c.type(), c.nonEmpty(), c.unique()))
                .toList();
        return new InferredGroup(schema.definition(), schema.renames(), schema.stampedEventTime(), columns,
                schema.sampledRows(), schema.unreadableRows(), schema.notes());
    }
}
