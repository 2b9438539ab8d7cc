package org.featureworkbench.api.control;

import java.util.Set;
import org.featureworkbench.model.ValidationException;

/**
 * What kind of value a Search property holds, known from the resource's shape rather than from the
 * resources stored, so an operator that does not fit its property is refused up front, as the
 * service model says ("GreaterThan … Not supported for text properties"; "In …, Contains … Only
 * supported for text properties"), even when no resource has the property at all. Pure functions.
 */
final class PropertyKinds {
    enum Kind { TEXT, NUMBER, TIME, BOOLEAN }

    private static final Set<String> TIMES = Set.of("CreationTime", "LastModifiedTime");
    /** The numeric members of FeatureGroup and FeatureMetadata as DescribeFeatureGroup returns them. */
    private static final Set<String> NUMBERS = Set.of("OnlineStoreConfig.TtlDuration.Value",
            "FeatureDefinitions.CollectionConfig.VectorConfig.Dimension",
            "ThroughputConfig.ProvisionedReadCapacityUnits", "ThroughputConfig.ProvisionedWriteCapacityUnits");
    private static final Set<String> BOOLEANS = Set.of("OnlineStoreConfig.EnableOnlineStore",
            "OfflineStoreConfig.DisableGlueTableCreation");
    private static final Set<String> COMPARISONS = Set.of("GreaterThan", "GreaterThanOrEqualTo", "LessThan",
            "LessThanOrEqualTo");
    private static final Set<String> TEXT_ONLY = Set.of("Contains", "In");

    private PropertyKinds() {
    }

    /** The kind of {@code name} (a full property name; Tags.* and Parameters.* values are text). */
    static Kind of(String name) {
        if (TIMES.contains(name)) {
            return Kind.TIME;
        }
        if (NUMBERS.contains(name)) {
            return Kind.NUMBER;
        }
        return BOOLEANS.contains(name) ? Kind.BOOLEAN : Kind.TEXT;
    }

    /** Refuses an operator that SageMaker does not support for the filter's kind of property. */
    static void checkOperator(SearchFilter filter) {
        Kind kind = of(filter.name());
        String op = filter.operator();
        if (COMPARISONS.contains(op) && (kind == Kind.TEXT || kind == Kind.BOOLEAN)) {
            throw new ValidationException(filter.where() + ".Operator", op + " is not supported for the "
                    + (kind == Kind.TEXT ? "text" : "true/false") + " property " + filter.name()
                    + "; use Equals, NotEquals" + (kind == Kind.TEXT ? ", Contains or In" : "")
                    + " (comparisons work on numbers, CreationTime and LastModifiedTime)");
        }
        if (TEXT_ONLY.contains(op) && kind != Kind.TEXT) {
            throw new ValidationException(filter.where() + ".Operator", op + " is only supported for text properties,"
                    + " and " + filter.name() + " is not one; use Equals"
                    + (kind == Kind.BOOLEAN ? " or NotEquals" : " or a comparison"));
        }
    }
}
