package org.featureworkbench.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.model.FeatureStoreException;

/**
 * Reads {@code serve --credentials-file F}, so the secret stays out of the shell history and the
 * process list. Two contents are accepted: one line {@code ACCESS_KEY:SECRET} (what
 * {@code --credentials} takes), or an AWS shared credentials file ({@code ~/.aws/credentials}
 * style: {@code aws_access_key_id} and {@code aws_secret_access_key}, from {@code [default]} or
 * else the first profile), so clients and endpoint can share one file.
 */
public final class CredentialsFile {
    private CredentialsFile() {
    }

    /** @throws FeatureStoreException when the file cannot be read or holds no key, saying how it should look */
    public static ApiCredentials read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeatureStoreException("cannot read the credentials file " + file + ": " + e.getMessage());
        }
        return parse(lines, file.toString());
    }

    static ApiCredentials parse(List<String> lines, String where) {
        Map<String, String[]> profiles = new LinkedHashMap<>();
        String profile = "";
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                profile = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 && profiles.isEmpty() && line.indexOf(':') > 0) {
                return colonForm(line, "the credentials file " + where);
            }
            if (eq > 0) {
                String name = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String[] pair = profiles.computeIfAbsent(profile, p -> new String[2]);
                if (name.equals("aws_access_key_id")) {
                    pair[0] = line.substring(eq + 1).strip();
                } else if (name.equals("aws_secret_access_key")) {
                    pair[1] = line.substring(eq + 1).strip();
                }
            }
        }
        String[] chosen = complete(profiles.get("default")) ? profiles.get("default")
                : profiles.values().stream().filter(CredentialsFile::complete).findFirst().orElse(null);
        if (chosen == null) {
            throw new FeatureStoreException("the credentials file " + where + " holds no access key: write one line"
                    + " ACCESS_KEY:SECRET, or aws_access_key_id = ... and aws_secret_access_key = ... lines as in"
                    + " ~/.aws/credentials");
        }
        return new ApiCredentials(chosen[0], chosen[1]);
    }

    private static boolean complete(String[] pair) {
        return pair != null && pair[0] != null && !pair[0].isEmpty() && pair[1] != null && !pair[1].isEmpty();
    }

    /** {@code ACCESS_KEY:SECRET}, split at the first colon (a secret may contain colons, a key id does not). */
    public static ApiCredentials colonForm(String text, String where) {
        String value = text.strip();
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new FeatureStoreException(where + " must be ACCESS_KEY:SECRET, e.g. AKIALOCAL:my-secret");
        }
        return new ApiCredentials(value.substring(0, colon), value.substring(colon + 1));
    }
}
