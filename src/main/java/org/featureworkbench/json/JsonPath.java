package org.featureworkbench.json;

/**
 * A position in a JSON request, printed in SageMaker's field vocabulary
 * ({@code FeatureDefinitions[2].FeatureType}) and as a JSON pointer for location lookup.
 */
record JsonPath(String display, String pointer) {
    static final JsonPath ROOT = new JsonPath("", "");

    JsonPath field(String name) {
        return new JsonPath(display.isEmpty() ? name : display + "." + name,
                pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    JsonPath index(int i) {
        return new JsonPath(display + "[" + i + "]", pointer + "/" + i);
    }

    @Override
    public String toString() {
        return display;
    }
}
