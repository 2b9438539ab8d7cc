package org.featureworkbench.api.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.featureworkbench.model.EventTimes;
import org.featureworkbench.model.FeatureType;
import org.featureworkbench.model.FeatureValues;
import org.featureworkbench.model.OnlineRecord;

/**
 * GetRecord's response body, compact and streamed straight to bytes: the most frequent answer of
 * the endpoint, so it skips the tree and the pretty printing of {@code json.RecordJson} (which the
 * CLI shows to people). Same shape: {@code {"Record": [{"FeatureName", "ValueAsString"}], "ExpiresAt"}},
 * features without a value left out, {@code {}} for a missing record. Thread-safe.
 */
final class RecordResponses {
    private static final JsonFactory JSON = new JsonFactory();
    // quoted and encoded once: written 2× per feature on the most frequent answer
    private static final SerializedString RECORD = new SerializedString("Record");
    private static final SerializedString FEATURE_NAME = new SerializedString("FeatureName");
    private static final SerializedString VALUE_AS_STRING = new SerializedString("ValueAsString");

    private RecordResponses() {
    }

    static byte[] getRecord(Optional<OnlineRecord> record, boolean withExpiry) {
        if (record.isEmpty()) {
            return new byte[] {'{', '}'};
        }
        OnlineRecord r = record.get();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 48 * r.values().size());
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeFieldName(RECORD);
            out.writeStartArray();
            for (var value : r.values().entrySet()) {
                if (value.getValue() != null) {
                    out.writeStartObject();
                    out.writeFieldName(FEATURE_NAME);
                    out.writeString(value.getKey());
                    out.writeFieldName(VALUE_AS_STRING);
                    out.writeString(FeatureValues.format(value.getValue()));
                    out.writeEndObject();
                }
            }
            out.writeEndArray();
            if (withExpiry && r.expiresAt() != null) {
                out.writeStringField("ExpiresAt", EventTimes.format(r.expiresAt(), FeatureType.STRING));
            }
            out.writeEndObject();
        } catch (IOException e) {
            // writing to memory does no I/O
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
