package org.featureworkbench.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroupDefinition;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.OfflineStoreConfig;
import org.featureworkbench.model.OnlineStoreConfig;
import org.featureworkbench.model.TtlDuration;
import org.featureworkbench.model.TtlUnit;

/**
 * The catalog's own storage form of a definition (not the SageMaker interchange shape, which
 * lives in the json package: this one also keeps feature metadata). Field names are the model
 * records' component names. Written with Jackson's streaming API rather than data binding: the
 * binder's first use costs ~0.3 s of class loading and introspection, paid by every CLI start.
 */
final class DefinitionJson {
    private static final JsonFactory JSON = new JsonFactory();

    private DefinitionJson() {
    }

    static String write(FeatureGroupDefinition d) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("name", d.name());
            g.writeStringField("recordIdentifierFeatureName", d.recordIdentifierFeatureName());
            g.writeStringField("eventTimeFeatureName", d.eventTimeFeatureName());
            g.writeArrayFieldStart("features");
            for (FeatureDefinition f : d.features()) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                g.writeStringField("type", f.type().name());
                g.writeStringField("description", f.description());
                writeMap(g, "parameters", f.parameters());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("description", d.description());
            writeMap(g, "tags", d.tags());
            g.writeObjectFieldStart("onlineStore");
            g.writeBooleanField("enabled", d.onlineStore().enabled());
            if (d.onlineStore().ttl() != null) {
                g.writeObjectFieldStart("ttl");
                g.writeStringField("unit", d.onlineStore().ttl().unit().name());
                g.writeNumberField("value", d.onlineStore().ttl().value());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("offlineStore");
            g.writeBooleanField("enabled", d.offlineStore().enabled());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new FeatureStoreException("could not serialise definition of " + d.name(), e);
        }
        return out.toString();
    }

    private static void writeMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    static FeatureGroupDefinition read(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            String name = null;
            String recordId = null;
            String eventTime = null;
            String description = "";
            List<FeatureDefinition> features = new ArrayList<>();
            Map<String, String> tags = Map.of();
            OnlineStoreConfig online = OnlineStoreConfig.DISABLED;
            OfflineStoreConfig offline = OfflineStoreConfig.DISABLED;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = p.getValueAsString();
                    case "recordIdentifierFeatureName" -> recordId = p.getValueAsString();
                    case "eventTimeFeatureName" -> eventTime = p.getValueAsString();
                    case "description" -> description = p.getValueAsString();
                    case "features" -> features = readFeatures(p);
                    case "tags" -> tags = readMap(p);
                    case "onlineStore" -> online = readOnline(p);
                    case "offlineStore" -> offline = new OfflineStoreConfig(readEnabled(p));
                    default -> p.skipChildren(); // written by a newer version: ignore what we do not know
                }
            }
            return new FeatureGroupDefinition(name, recordId, eventTime, features, description, tags, online, offline);
        } catch (IOException | RuntimeException e) {
            throw new FeatureStoreException("the catalog entry is unreadable (" + e.getMessage()
                    + "); the workspace database may be from a newer version", e);
        }
    }

    private static List<FeatureDefinition> readFeatures(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<FeatureDefinition> features = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            FeatureType type = null;
            String description = "";
            Map<String, String> parameters = Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = p.getValueAsString();
                    case "type" -> type = FeatureType.valueOf(p.getValueAsString());
                    case "description" -> description = p.getValueAsString();
                    case "parameters" -> parameters = readMap(p);
                    default -> p.skipChildren();
                }
            }
            features.add(new FeatureDefinition(name, type, description, parameters));
        }
        return features;
    }

    private static OnlineStoreConfig readOnline(JsonParser p) throws IOException {
        boolean enabled = false;
        TtlDuration ttl = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("enabled")) {
                enabled = p.getBooleanValue();
            } else if (field.equals("ttl") && value == JsonToken.START_OBJECT) {
                TtlUnit unit = null;
                long amount = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    if (f.equals("unit")) {
                        unit = TtlUnit.valueOf(p.getValueAsString());
                    } else if (f.equals("value")) {
                        amount = p.getLongValue();
                    } else {
                        p.skipChildren();
                    }
                }
                ttl = new TtlDuration(unit, amount);
            } else {
                p.skipChildren();
            }
        }
        return new OnlineStoreConfig(enabled, ttl);
    }

    private static boolean readEnabled(JsonParser p) throws IOException {
        boolean enabled = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("enabled")) {
                enabled = p.getBooleanValue();
            } else {
                p.skipChildren();
            }
        }
        return enabled;
    }

    private static Map<String, String> readMap(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        Map<String, String> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, p.getValueAsString());
        }
        return map;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }
}
