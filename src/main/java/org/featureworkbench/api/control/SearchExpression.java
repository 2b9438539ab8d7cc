package org.featureworkbench.api.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.featureworkbench.model.ValidationException;

/**
 * A Search request's SearchExpression: Filters, NestedFilters and SubExpressions joined by And
 * (the default) or Or. Property names are checked against the resource's shape when read, so a
 * misspelt name is an error rather than an empty result. Immutable.
 */
final class SearchExpression {
    /** The model's limit on Filters, NestedFilters and SubExpressions in one request, all levels. */
    static final int MAX_ELEMENTS = 50;

    private final List<Predicate<JsonNode>> parts;
    private final boolean or;

    private SearchExpression(List<Predicate<JsonNode>> parts, boolean or) {
        this.parts = parts;
        this.or = or;
    }

    /** An expression every resource matches (a request without SearchExpression). */
    static SearchExpression all() {
        return new SearchExpression(List.of(), false);
    }

    static SearchExpression read(JsonNode node, Set<String> properties) {
        return read(node, "SearchExpression", properties, new Tally());
    }

    /** What the limits count over the whole request: elements at every level, Contains filters. */
    private static final class Tally {
        int elements;
        String contains;
    }

    private static SearchExpression read(JsonNode node, String where, Set<String> properties, Tally tally) {
        if (!node.isObject()) {
            throw new ValidationException(where, "must be an object with Filters, NestedFilters or SubExpressions");
        }
        List<Predicate<JsonNode>> parts = new ArrayList<>();
        for (JsonNode f : list(node, "Filters", where)) {
            String at = where + ".Filters[" + parts.size() + "]";
            SearchFilter filter = checked(SearchFilter.read(f, at), properties, "", tally);
            parts.add(resource -> filter.test(resource, ""));
        }
        List<JsonNode> nested = list(node, "NestedFilters", where);
        for (int i = 0; i < nested.size(); i++) {
            parts.add(nested(nested.get(i), where + ".NestedFilters[" + i + "]", properties, tally));
        }
        List<JsonNode> subs = list(node, "SubExpressions", where);
        for (int i = 0; i < subs.size(); i++) {
            SearchExpression sub = read(subs.get(i), where + ".SubExpressions[" + i + "]", properties, tally);
            parts.add(sub::matches);
        }
        tally.elements += parts.size();
        if (tally.elements > MAX_ELEMENTS) {
            throw new ValidationException("SearchExpression", "has more than " + MAX_ELEMENTS
                    + " filters, nested filters and subexpressions in all; split the search");
        }
        if (parts.isEmpty()) {
            throw new ValidationException(where, "needs at least one of Filters, NestedFilters or SubExpressions");
        }
        JsonNode operator = node.get("Operator");
        String op = operator == null || operator.isNull() ? "And" : ControlRequest.text(operator, where + ".Operator");
        if (!op.equals("And") && !op.equals("Or")) {
            throw new ValidationException(where + ".Operator", "'" + op + "' is not And or Or");
        }
        return new SearchExpression(List.copyOf(parts), op.equals("Or"));
    }

    /** A nested filter: one element of the named list must satisfy all of its filters. */
    private static Predicate<JsonNode> nested(JsonNode node, String where, Set<String> properties, Tally tally) {
        JsonNode nameNode = node.get("NestedPropertyName");
        if (nameNode == null || nameNode.isNull()) {
            throw new ValidationException(where + ".NestedPropertyName", "is missing; e.g. FeatureDefinitions");
        }
        String list = ControlRequest.text(nameNode, where + ".NestedPropertyName");
        String prefix = list + ".";
        List<SearchFilter> filters = new ArrayList<>();
        for (JsonNode f : list(node, "Filters", where)) {
            SearchFilter filter = checked(SearchFilter.read(f, where + ".Filters[" + filters.size() + "]"),
                    properties, prefix, tally);
            filters.add(filter);
        }
        if (filters.isEmpty()) {
            throw new ValidationException(where + ".Filters", "a nested filter needs at least one filter");
        }
        return resource -> PropertyValues.of(resource, list).stream()
                .anyMatch(element -> filters.stream().allMatch(f -> f.test(element, prefix)));
    }

    private static SearchFilter checked(SearchFilter filter, Set<String> properties, String prefix, Tally tally) {
        if (!filter.name().startsWith(prefix)) {
            throw new ValidationException(filter.where() + ".Name", "'" + filter.name() + "' is not inside the nested "
                    + "property; start it with " + prefix);
        }
        checkProperty(filter.name(), properties, filter.where() + ".Name");
        PropertyKinds.checkOperator(filter);
        if (filter.operator().equals("Contains")) {
            // The model: "A SearchExpression can include the Contains operator multiple times" only
            // for some Experiment and Trial properties, so for feature groups it is once per request.
            if (tally.contains != null) {
                throw new ValidationException(filter.where() + ".Operator", "a SearchExpression can use Contains"
                        + " only once, and " + tally.contains + " already does; keep one Contains and match the"
                        + " other with Equals or In, or run two searches");
            }
            tally.contains = filter.where();
        }
        return filter;
    }

    /** Refuses a property the resource does not have (by its first part; Tags.* and Parameters.* take any key). */
    static void checkProperty(String name, Set<String> properties, String where) {
        int dot = name.indexOf('.');
        String root = dot < 0 ? name : name.substring(0, dot);
        if (!properties.contains(root)) {
            throw new ValidationException(where, "'" + name + "' is not a property of this resource; use one of "
                    + String.join(", ", properties.stream().sorted().toList()));
        }
    }

    private static List<JsonNode> list(JsonNode node, String member, String where) {
        JsonNode array = node.get(member);
        if (array == null || array.isNull()) {
            return List.of();
        }
        ControlRequest.requireArray(array, where + "." + member);
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    boolean matches(JsonNode resource) {
        if (parts.isEmpty()) {
            return true;
        }
        return or ? parts.stream().anyMatch(p -> p.test(resource)) : parts.stream().allMatch(p -> p.test(resource));
    }
}
