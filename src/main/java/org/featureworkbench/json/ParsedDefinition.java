package org.featureworkbench.json;

import java.util.List;
import java.util.Objects;
import org.featureworkbench.model.FeatureGroupDefinition;

/**
 * The result of reading a CreateFeatureGroup request: the definition (not yet validated against
 * the SageMaker rules; the catalog does that on create) and one human-readable warning per
 * field that was accepted but ignored, such as a cloud-only {@code RoleArn}.
 *
 * @param definition the definition read, never null
 * @param warnings   warnings in document order, never null, unmodifiable
 */
public record ParsedDefinition(FeatureGroupDefinition definition, List<String> warnings) {
    public ParsedDefinition {
        Objects.requireNonNull(definition, "definition");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
