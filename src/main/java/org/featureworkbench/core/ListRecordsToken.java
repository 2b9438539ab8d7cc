package org.featureworkbench.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.model.ValidationException;

/**
 * ListRecords' NextToken: the last id of a page, tied to the group it was listed from. Opaque to
 * clients (URL-safe base64), but deliberately not a cursor held by the store: a token stays valid
 * across processes and restarts, and a page after records were added or deleted simply continues
 * after the last id seen (ADR 0024).
 */
final class ListRecordsToken {
    private static final String VERSION = "1";
    private static final char SEPARATOR = '\n';

    private ListRecordsToken() {
    }

    /** The token that continues after {@code lastId} in {@code group}. */
    static String after(FeatureGroup group, String lastId) {
        String text = VERSION + SEPARATOR + group.name() + SEPARATOR + group.creationTime().getEpochSecond()
                + SEPARATOR + lastId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The last id a token continues after.
     *
     * @throws ValidationException when the token is not one of ours, or came from another group
     *                             (or from an earlier group of the same name)
     */
    static String lastId(FeatureGroup group, String token) {
        String[] parts = decode(token).split(String.valueOf(SEPARATOR), 4);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw invalid();
        }
        if (!parts[1].equals(group.name())
                || !parts[2].equals(String.valueOf(group.creationTime().getEpochSecond()))) {
            throw new ValidationException("NextToken", "this token was returned for another feature group ('"
                    + parts[1] + "', or an earlier group of that name); list '" + group.name()
                    + "' again from the start, without a token");
        }
        return parts[3];
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
    }

    private static ValidationException invalid() {
        return new ValidationException("NextToken", "this token is not one ListRecords returned; pass the previous"
                + " page's token unchanged, or leave it out to start from the first record");
    }
}
