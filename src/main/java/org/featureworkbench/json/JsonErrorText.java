package org.featureworkbench.json;

import java.util.regex.Pattern;

/**
 * Jackson's syntax messages in our words ({@link JsonSyntaxText}). Jackson ends some of them with advice for programmers
 * ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"); a user can't enable anything,
 * so that advice is replaced by what to write instead. Stateless and thread-safe.
 */
public final class JsonErrorText {
    private static final Pattern NON_NUMERIC = Pattern.compile(
            "Non-standard token '([^']*)': enable `?JsonReadFeature\\.ALLOW_NON_NUMERIC_NUMBERS`? to allow");
    private static final Pattern COMMENT = Pattern.compile(
            "\\s*\\(?maybe a \\(non-standard\\) comment\\? \\(not recognized as one since Feature '?ALLOW_COMMENTS'? "
                    + "not enabled for parser\\)\\)?");
    private static final Pattern FEATURE_ADVICE = Pattern.compile(
            "[:;,]?\\s*\\(?(?:enable|Feature) `?'?(?:JsonReadFeature|JsonParser\\.Feature|StreamReadFeature)?\\.?"
                    + "[A-Z_]+`?'?(?: to allow| not enabled for parser)?\\)?");

    /** Jackson names where an unclosed array or object began, inside its own source description. */
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");

    private JsonErrorText() {
    }

    /** {@code message} (a Jackson syntax message, may be null) with library advice replaced by ours. */
    public static String plain(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String text = START_MARKER.matcher(message).replaceAll(" (opened at line $1, column $2)");
        // A caller may have put the location in its own words already ("start marker at column 3").
        text = JsonSyntaxText.plain(text.replace("(start marker at ", "(opened at "));
        text = NON_NUMERIC.matcher(text).replaceAll(
                "'$1' is not a JSON number (JSON has no NaN or Infinity); leave the feature out, or write it as a"
                        + " string \"$1\" where a String feature should hold it");
        text = COMMENT.matcher(text).replaceAll(" (JSON has no comments; remove it)");
        return FEATURE_ADVICE.matcher(text).replaceAll(" (not standard JSON)");
    }
}
