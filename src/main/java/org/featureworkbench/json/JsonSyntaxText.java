package org.featureworkbench.json;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's JSON syntax messages told the way a person fixing the line needs them: what was
 * found, what JSON wants there, and the likely slip. Jackson says {@code Unexpected character
 * ('"' (code 34)): was expecting comma to separate Object entries}; we say
 * {@code expected ',' or '}' after a value, found '"' (is a comma missing?)}. Messages it does not
 * know pass through. Stateless and thread-safe.
 */
final class JsonSyntaxText {
    private static final String CHAR = "Unexpected character \\('(.)' \\(code \\d+[^)]*\\)\\)";
    private static final String VALUE_KINDS = "\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)";
    private static final Pattern AT_SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    private record Rule(Pattern pattern, java.util.function.Function<Matcher, String> text) {
    }

    private static final List<Rule> RULES = List.of(
            rule(CHAR + ": was expecting comma to separate Object entries",
                    m -> "expected ',' or '}' after a value, found '" + m.group(1) + "' (is a comma missing?)"),
            rule(CHAR + ": was expecting comma to separate Array entries",
                    m -> "expected ',' or ']' after a value, found '" + m.group(1) + "' (is a comma missing?)"),
            rule(CHAR + ": was expecting double-quote to start field name", m -> switch (m.group(1)) {
                case "'" -> "names take double quotes, not single ones: write \"name\": value";
                case "}" -> "a ',' before '}' has nothing after it; remove that comma";
                default -> "expected a name in double quotes, found '" + m.group(1) + "': write \"name\": value";
            }),
            rule(CHAR + ": was expecting a colon to separate field name and value",
                    m -> "expected ':' between a name and its value, found '" + m.group(1) + "'"),
            rule(CHAR + ": expected a valid value " + VALUE_KINDS, m -> switch (m.group(1)) {
                case "]" -> "expected a value, found ']' (a ',' before ']' has nothing after it; remove that comma)";
                case "}", "," -> "expected a value, found '" + m.group(1) + "'";
                case "'" -> "text takes double quotes, not single ones: write \"text\"";
                default -> "'" + m.group(1) + "' cannot start a value: text goes in double quotes; numbers, true,"
                        + " false and null do not";
            }),
            rule(CHAR + ": expected a value", m -> "expected a value, found '" + m.group(1) + "'"),
            rule("Unrecognized token '([^']*)': was expecting " + VALUE_KINDS, m -> {
                String token = m.group(1);
                String lower = token.toLowerCase(Locale.ROOT);
                return lower.equals("true") || lower.equals("false") || lower.equals("null")
                        ? "'" + token + "' is not a value: JSON writes true, false and null in lower case"
                        : "'" + token + "' is not a value: text goes in double quotes (\"" + token
                                + "\"); numbers, true, false and null do not";
            }),
            rule("Unexpected end-of-input: expected close marker for (Object|Array)",
                    m -> "the input ends before the '" + (m.group(1).equals("Object") ? "}' that closes the object"
                            : "]' that closes the array")),
            rule("Unexpected end-of-input: was expecting closing quote for a string value",
                    m -> "the input ends inside a text value: its closing '\"' is missing"),
            rule("Unexpected end-of-input within/between (Object|Array) entries",
                    m -> m.group(1).equals("Object") ? "the input ends inside an object: its closing '}' is missing"
                            : "the input ends inside an array: its closing ']' is missing"),
            rule("Unexpected end-of-input", m -> "the input ends too early"),
            rule("Unexpected close marker '(.)': expected '(.)' \\(for (Array|Object) starting at (\\[[^\\]]*\\]|[^)]*)\\)",
                    m -> "found '" + m.group(1) + "' where '" + m.group(2) + "' should close the "
                            + m.group(3).toLowerCase(Locale.ROOT) + " opened at " + where(m.group(4))),
            rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): has to be escaped using backslash "
                    + "to be included in string value",
                    m -> "a control character (code " + m.group(1) + ") inside a text value must be escaped: write \\t"
                            + " for a tab, \\n for a new line"),
            rule("Invalid numeric value: Leading zeroes not allowed",
                    m -> "a number cannot start with 0 followed by more digits (an id like 007 goes in double quotes)"),
            rule(CHAR + " in numeric value: expected digit \\(0-9\\) to follow minus sign, for valid numeric value",
                    m -> "a '-' must be followed by digits, found '" + m.group(1) + "'"),
            rule(CHAR + " in numeric value: Decimal point not followed by a digit",
                    m -> "a '.' in a number must be followed by a digit (write 1.0, not 1.), found '" + m.group(1) + "'"),
            rule(CHAR + " in numeric value: Exponent indicator not followed by a digit",
                    m -> "an exponent must be followed by digits (write 1e5, not 1e), found '" + m.group(1) + "'"),
            rule(CHAR + " in numeric value: .*", m -> "'" + m.group(1) + "' cannot be part of a number"),
            rule(CHAR, m -> "unexpected '" + m.group(1) + "'"));

    private JsonSyntaxText() {
    }

    private static Rule rule(String regex, java.util.function.Function<Matcher, String> text) {
        return new Rule(Pattern.compile(regex), text);
    }

    /** Jackson's "[Source: …; line: 1, column: 6]" as "line 1, column 6"; a location already in words as it is. */
    private static String where(String location) {
        Matcher m = AT_SOURCE.matcher(location);
        return m.matches() ? "line " + m.group(1) + ", column " + m.group(2) : location;
    }

    /** {@code message} with its first known Jackson phrase told in our words. */
    static String plain(String message) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(message);
            if (m.find()) {
                return message.substring(0, m.start()) + rule.text().apply(m) + message.substring(m.end());
            }
        }
        return message;
    }
}
