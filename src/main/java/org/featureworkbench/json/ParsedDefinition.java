package org.featureworkbench.json;

import java.util.List;
import java.util.Objects;
import org.featureworkbench.model.FeatureGroupDefinition;

/**
 * The result of reading a CreateFeatureGroup request: the definition (not yet validated against
 * the SageMaker rules; the catalog does that on create) and every field that was accepted but is
 * not honoured, such as a cloud-only {@code RoleArn}.
 *
 * @param definition the definition read, never null
 * @param ignored    the fields accepted but not honoured, in document order, never null, unmodifiable
 */
public record ParsedDefinition(FeatureGroupDefinition definition, List<Ignored> ignored) {
    public ParsedDefinition {
        Objects.requireNonNull(definition, "definition");
        ignored = ignored == null ? List.of() : List.copyOf(ignored);
    }

    /**
     * A field read but not honoured.
     *
     * @param field the field's path in the request, e.g. {@code OfflineStoreConfig.TableFormat}
     * @param place the source and where the field is in it, e.g. {@code orders.json:20:3}
     * @param why   what becomes of it, e.g. "cloud-only, ignored by the local store"
     */
    public record Ignored(String field, String place, String why) {
    }

    /**
     * One warning per ignored field with its place, for a file the user can open and edit:
     * {@code RoleArn (orders.json:20:3): cloud-only, ignored by the local store}.
     */
    public List<String> warnings() {
        return ignored.stream().map(i -> i.field() + " (" + i.place() + "): " + i.why()).toList();
    }

    /**
     * The same without places (for a request body an SDK wrote, whose line and column mean nothing
     * to the user), the fields of one reason together:
     * {@code RoleArn, OnlineStoreConfig.StorageType: cloud-only, ignored by the local store}.
     */
    public List<String> warningsByReason() {
        java.util.Map<String, List<String>> fieldsByWhy = new java.util.LinkedHashMap<>();
        ignored.forEach(i -> fieldsByWhy.computeIfAbsent(i.why(), why -> new java.util.ArrayList<>()).add(i.field()));
        return fieldsByWhy.entrySet().stream().map(e -> String.join(", ", e.getValue()) + ": " + e.getKey()).toList();
    }
}
