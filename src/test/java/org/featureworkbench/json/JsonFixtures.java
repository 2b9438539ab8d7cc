package org.featureworkbench.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the JSON fixtures under {@code src/test/resources/json/}. */
public final class JsonFixtures {
    private JsonFixtures() {
    }

    public static String text(String name) {
        try (InputStream in = JsonFixtures.class.getResourceAsStream("/json/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /json/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
