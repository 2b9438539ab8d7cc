package org.featureworkbench.ingest;

/**
 * How to read a file for an ingest.
 *
 * @param source  format and CSV dialect overrides, never null
 * @param mapping column renames and event-time stamping, never null
 */
public record IngestOptions(SourceOptions source, MappingOptions mapping) {
    /** Detect the format and dialect; map by name. */
    public static final IngestOptions DEFAULTS = new IngestOptions(SourceOptions.DETECT, MappingOptions.BY_NAME);

    public IngestOptions {
        source = source == null ? SourceOptions.DETECT : source;
        mapping = mapping == null ? MappingOptions.BY_NAME : mapping;
    }

    public IngestOptions withSource(SourceOptions newSource) {
        return new IngestOptions(newSource, mapping);
    }

    public IngestOptions withMapping(MappingOptions newMapping) {
        return new IngestOptions(source, newMapping);
    }
}
