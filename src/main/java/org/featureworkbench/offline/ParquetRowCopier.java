package org.featureworkbench.offline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.Type;
import org.featureworkbench.model.FeatureStoreException;

/**
 * Copies the rows of an offline file into a writer of the group's current schema, matching
 * columns by name (a file older than a feature lacks its column: the value is null).
 *
 * <p>It reads through Parquet's own record model rather than parquet-avro, because parquet-avro
 * re-parses the file's Avro schema with Avro's name rules, which SageMaker feature names such as
 * {@code order-count} break.
 */
final class ParquetRowCopier {
    private enum Kind { LONG, DOUBLE, STRING, BOOLEAN, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS }

    private ParquetRowCopier() {
    }

    /** Appends every row of {@code file} to {@code out}; returns the number of rows copied. */
    static long copy(Path file, OfflineSchema target, ParquetWriter<GenericRecord> out) throws IOException {
        long rows = 0;
        try (ParquetReader<Group> reader = new GroupReaderBuilder(file).build()) {
            int[] positions = null;
            Kind[] kinds = null;
            for (Group group = reader.read(); group != null; group = reader.read()) {
                if (positions == null) {
                    GroupType type = group.getType();
                    positions = positions(type, target, file);
                    kinds = kinds(type.getFields(), file);
                }
                out.write(convert(group, positions, kinds, target));
                rows++;
            }
        }
        return rows;
    }

    private static GenericData.Record convert(Group group, int[] positions, Kind[] kinds, OfflineSchema target) {
        GenericData.Record record = new GenericData.Record(target.avro());
        for (int i = 0; i < positions.length; i++) {
            if (group.getFieldRepetitionCount(i) == 0) {
                continue; // null stays null
            }
            record.put(positions[i], switch (kinds[i]) {
                case LONG, TIMESTAMP_MICROS -> group.getLong(i, 0);
                case TIMESTAMP_MILLIS -> Math.multiplyExact(group.getLong(i, 0), 1000L);
                case TIMESTAMP_NANOS -> Math.floorDiv(group.getLong(i, 0), 1000L);
                case DOUBLE -> group.getDouble(i, 0);
                case STRING -> group.getString(i, 0);
                case BOOLEAN -> group.getBoolean(i, 0);
            });
        }
        return record;
    }

    private static int[] positions(GroupType type, OfflineSchema target, Path file) {
        int[] positions = new int[type.getFieldCount()];
        for (int i = 0; i < positions.length; i++) {
            String name = type.getFieldName(i);
            positions[i] = target.position(name);
            if (positions[i] < 0) {
                throw new FeatureStoreException("Offline file " + file + " has a column '" + name
                        + "' the feature group does not define; it was not written by this group");
            }
        }
        return positions;
    }

    private static Kind[] kinds(List<Type> fields, Path file) {
        Kind[] kinds = new Kind[fields.size()];
        for (int i = 0; i < kinds.length; i++) {
            Type field = fields.get(i);
            LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
            kinds[i] = switch (field.asPrimitiveType().getPrimitiveTypeName()) {
                case INT64 -> logical instanceof TimestampLogicalTypeAnnotation ts ? switch (ts.getUnit()) {
                    case MILLIS -> Kind.TIMESTAMP_MILLIS;
                    case MICROS -> Kind.TIMESTAMP_MICROS;
                    case NANOS -> Kind.TIMESTAMP_NANOS;
                } : Kind.LONG;
                case DOUBLE -> Kind.DOUBLE;
                case BINARY -> Kind.STRING;
                case BOOLEAN -> Kind.BOOLEAN;
                default -> throw new FeatureStoreException("Offline file " + file + ": column '" + field.getName()
                        + "' has Parquet type " + field + ", which no feature type maps to");
            };
        }
        return kinds;
    }

    private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {
        GroupReaderBuilder(Path file) {
            super(new LocalInputFile(file), new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
