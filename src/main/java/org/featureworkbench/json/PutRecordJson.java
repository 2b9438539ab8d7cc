package org.featureworkbench.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.featureworkbench.model.Record;
import org.featureworkbench.model.ValidationException;

/**
 * Reads the record of a PutRecord from JSON, in either of two shapes:
 * <ul>
 *   <li>an object of feature name → value, {@code {"customer_id": "573291", "age": 42}}: strings
 *       and numbers are accepted (a number is kept as its JSON text, so {@code 1700000000} becomes
 *       {@code "1700000000"}), {@code null} means the feature is absent;</li>
 *   <li>SageMaker's list, {@code [{"FeatureName": "age", "ValueAsString": "42"}]}, as the AWS CLI's
 *       {@code --record} takes it.</li>
 * </ul>
 * A feature given twice, a nested array or object, a boolean, and malformed JSON are all
 * {@link ValidationException}s whose message names the key and the position. Values are not typed
 * here: the store checks them against the group. Stateless and thread-safe.
 */
public final class PutRecordJson {
    /** Jackson's "[Source: …; line: L, column: C]" inside its messages. */
    private static final Pattern NESTED_LOCATION = Pattern.compile("\\s*\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) \"?'?([^\"']*)\"?'?");

    private PutRecordJson() {
    }

    /**
     * Parses one record.
     *
     * @param json       the JSON text
     * @param singleLine whether positions are columns of one line (a line of a JSON Lines file)
     *                   rather than line and column
     * @throws ValidationException with an empty field and a message saying what and where
     */
    public static Record read(String json, boolean singleLine) {
        try (JsonParser p = JsonSource.MAPPER.createParser(json)) {
            JsonToken first = p.nextToken();
            Record record;
            if (first == JsonToken.START_OBJECT) {
                record = readObject(p, singleLine);
            } else if (first == JsonToken.START_ARRAY) {
                record = readList(p, singleLine);
            } else {
                throw new ValidationException("", first == null ? "the record is empty; give a JSON object such as"
                        + " {\"customer_id\": \"573291\", \"event_time\": \"2023-11-14T22:13:20Z\"}"
                        : "a record must be a JSON object of feature name to value" + at(p, singleLine)
                        + ", found " + describe(first));
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new ValidationException("", "unexpected " + describe(trailing) + " after the record"
                        + at(p, singleLine) + "; give one record (one JSON object per line in a file)");
            }
            return record;
        } catch (StreamReadException e) {
            throw malformed(e, singleLine);
        } catch (IOException e) {
            // Parsing a String does no I/O; only syntax errors (StreamReadException) can happen.
            throw new IllegalStateException(e);
        }
    }

    private static Record readObject(JsonParser p, boolean singleLine) throws IOException {
        Record.Builder record = Record.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            record.put(name, scalar(p, value, "feature '" + name + "'", singleLine));
        }
        return record.build();
    }

    private static Record readList(JsonParser p, boolean singleLine) throws IOException {
        Record.Builder record = Record.builder();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw new ValidationException("", "each entry of a record list must be an object"
                        + " {\"FeatureName\": …, \"ValueAsString\": …}" + at(p, singleLine) + ", found " + describe(t));
            }
            String where = at(p, singleLine);
            String name = null;
            String value = null;
            boolean hasValue = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                switch (field) {
                    case "FeatureName" -> name = scalar(p, token, "FeatureName", singleLine);
                    case "ValueAsString" -> {
                        value = scalar(p, token, "ValueAsString", singleLine);
                        hasValue = value != null;
                    }
                    default -> throw new ValidationException("", "unknown field '" + field + "'" + at(p, singleLine)
                            + "; a record list entry has only FeatureName and ValueAsString");
                }
            }
            if (name == null) {
                throw new ValidationException("", "a record list entry" + where + " has no FeatureName");
            }
            // SageMaker requires ValueAsString in each entry; dropping the entry would store the
            // record without the feature the caller named.
            if (!hasValue) {
                throw new ValidationException(name, "the record list entry for feature '" + name + "'" + where
                        + " has no ValueAsString; give its value as a string, or leave the entry out to store"
                        + " the record without this feature");
            }
            record.put(name, value);
        }
        return record.build();
    }

    /** A string or number as its text; null for JSON null; anything else is rejected naming {@code what}. */
    private static String scalar(JsonParser p, JsonToken token, String what, boolean singleLine) throws IOException {
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_NULL -> null;
            case VALUE_TRUE, VALUE_FALSE -> throw new ValidationException("", what + at(p, singleLine)
                    + " is a boolean; SageMaker has no boolean type, write it as a number (1/0) or a string");
            default -> throw new ValidationException("", what + at(p, singleLine) + " has " + describe(token)
                    + " value; a feature value must be a string or a number");
        };
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "'" + token.asString() + "'";
        };
    }

    private static String at(JsonParser p, boolean singleLine) {
        return " (" + position(p.currentTokenLocation(), singleLine) + ")";
    }

    private static String position(JsonLocation location, boolean singleLine) {
        if (location == null) {
            return "position unknown";
        }
        return singleLine ? "column " + location.getColumnNr()
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static ValidationException malformed(StreamReadException e, boolean singleLine) {
        String message = e.getOriginalMessage() == null ? "unreadable input" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.lookingAt()) {
            return new ValidationException("", "feature '" + duplicate.group(1) + "' is given twice ("
                    + position(e.getLocation(), singleLine) + "); give each feature once");
        }
        Matcher nested = NESTED_LOCATION.matcher(message.replaceAll("\\s*\\R\\s*", " "));
        String clean = JsonErrorText.plain(nested.replaceAll(singleLine ? " column $2" : " line $1, column $2"));
        return new ValidationException("", "malformed JSON at " + position(e.getLocation(), singleLine) + ": " + clean);
    }
}
