package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.featureworkbench.model.ValidationException;

/**
 * One Search filter ({@code Name}, {@code Operator}, {@code Value}) and its test against a
 * resource. Text properties support Equals, NotEquals, Contains (case-insensitive), In, Exists and
 * NotExists; numbers and timestamps support Equals, NotEquals, the four comparisons, Exists and
 * NotExists, as the API reference says. A property with several values (every feature's name)
 * matches when one of them does; NotEquals when none equals. Immutable.
 */
record SearchFilter(String name, String operator, String value, String where) {
    static final List<String> OPERATORS = List.of("Equals", "NotEquals", "GreaterThan", "GreaterThanOrEqualTo",
            "LessThan", "LessThanOrEqualTo", "Contains", "Exists", "NotExists", "In");
    private static final Set<String> TIMES = Set.of("CreationTime", "LastModifiedTime");

    /** Reads {@code {"Name": …, "Operator": …, "Value": …}}; a Value without Operator means Equals. */
    static SearchFilter read(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new ValidationException(where, "a filter must be an object {\"Name\": …, \"Operator\": …, "
                    + "\"Value\": …}");
        }
        String name = textMember(node, "Name", where);
        String value = textMember(node, "Value", where);
        String operator = textMember(node, "Operator", where);
        if (name == null || name.isEmpty()) {
            throw new ValidationException(where + ".Name", "is missing; name a property, e.g. FeatureGroupName");
        }
        if (operator == null) {
            operator = "Equals";
        }
        if (!OPERATORS.contains(operator)) {
            throw new ValidationException(where + ".Operator", "'" + operator + "' is not one of "
                    + String.join(", ", OPERATORS));
        }
        boolean needsValue = !operator.equals("Exists") && !operator.equals("NotExists");
        if (needsValue && (value == null || value.isEmpty())) {
            throw new ValidationException(where + ".Value", "operator " + operator + " needs a Value");
        }
        return new SearchFilter(name, operator, value, where);
    }

    private static String textMember(JsonNode node, String member, String where) {
        JsonNode child = node.get(member);
        return child == null || child.isNull() ? null : ControlRequest.text(child, where + "." + member);
    }

    /** Whether {@code resource} passes; {@code prefix} is stripped from the name (nested filters). */
    boolean test(JsonNode resource, String prefix) {
        List<JsonNode> values = PropertyValues.of(resource, name.substring(prefix.length()));
        return switch (operator) {
            case "Exists" -> !values.isEmpty();
            case "NotExists" -> values.isEmpty();
            case "NotEquals" -> values.stream().noneMatch(this::equalsValue);
            case "Equals" -> values.stream().anyMatch(this::equalsValue);
            case "Contains" -> values.stream().anyMatch(v -> text(v).toLowerCase(Locale.ROOT)
                    .contains(value.toLowerCase(Locale.ROOT)));
            case "In" -> values.stream().anyMatch(v -> Arrays.stream(value.split(","))
                    .map(String::trim).anyMatch(text(v)::equals));
            default -> values.stream().anyMatch(this::compares);
        };
    }

    private boolean equalsValue(JsonNode v) {
        if (isTime() || v.isNumber()) {
            return number(v).compareTo(operand()) == 0;
        }
        return v.asText().equals(value) || (v.isBoolean() && v.asText().equalsIgnoreCase(value));
    }

    private boolean compares(JsonNode v) {
        if (!isTime() && !v.isNumber()) {
            throw new ValidationException(where + ".Operator", operator + " is not supported for the text property "
                    + name + "; use Equals, NotEquals, Contains or In");
        }
        int c = number(v).compareTo(operand());
        return switch (operator) {
            case "GreaterThan" -> c > 0;
            case "GreaterThanOrEqualTo" -> c >= 0;
            case "LessThan" -> c < 0;
            default -> c <= 0;
        };
    }

    private String text(JsonNode v) {
        if (isTime() || v.isNumber()) {
            throw new ValidationException(where + ".Operator", operator + " is only supported for text properties, "
                    + "and " + name + " is not one; use Equals or a comparison");
        }
        return v.asText();
    }

    private boolean isTime() {
        int dot = name.lastIndexOf('.');
        return TIMES.contains(dot < 0 ? name : name.substring(dot + 1));
    }

    private static BigDecimal number(JsonNode v) {
        return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
    }

    /** The Value as a number: epoch seconds for a timestamp property (ISO-8601 accepted, UTC). */
    private BigDecimal operand() {
        if (isTime()) {
            return BigDecimal.valueOf(parseTime().toEpochMilli(), 3);
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(where + ".Value", "'" + value + "' is not a number, and " + name
                    + " holds numbers");
        }
    }

    private Instant parseTime() {
        String v = value.trim();
        try {
            if (v.matches("-?\\d+(\\.\\d+)?")) {
                return Instant.ofEpochMilli(new BigDecimal(v).movePointRight(3).longValue());
            }
            return v.endsWith("Z") ? Instant.parse(v) : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new ValidationException(where + ".Value", "'" + value + "' is not a time; write "
                    + "yyyy-MM-ddTHH:mm:ss (UTC), e.g. 2024-05-01T12:00:00, or epoch seconds");
        }
    }
}
