package org.featureworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.model.ValidationException;

/**
 * {@code serve}'s access key: {@code --credentials ACCESS_KEY:SECRET}, or {@code --credentials-file F}
 * so the secret stays out of the shell history and the process list. The file holds either that
 * one line or an AWS credentials file, whose {@code [default]} profile is read, or the one
 * {@code --profile NAME} names, as the AWS CLI and SDKs pick it (its {@code aws_session_token},
 * when it has one, is then the only token the endpoint accepts).
 */
final class CredentialsOption {
    private static final String DEFAULT_PROFILE = "default";
    private static final String KEY_ID = "aws_access_key_id";
    private static final String SECRET = "aws_secret_access_key";
    private static final String TOKEN = "aws_session_token";

    private CredentialsOption() {
    }

    /** @param profile the profile to read from the file; null for {@code [default]} */
    static Optional<ApiCredentials> read(String inline, Path file, String profile) {
        requireOneSource(inline, file, profile);
        if (inline != null) {
            return Optional.of(parse(inline, "--credentials"));
        }
        return file == null ? Optional.empty() : Optional.of(fromFile(file, profile));
    }

    /**
     * Checks the options alone, before any file is read: at most one source, a profile only with a
     * file, and an inline key in ACCESS_KEY:SECRET form.
     */
    static void checkOptions(String inline, Path file, String profile) {
        requireOneSource(inline, file, profile);
        if (inline != null) {
            parse(inline, "--credentials");
        }
    }

    private static void requireOneSource(String inline, Path file, String profile) {
        if (inline != null && file != null) {
            throw new ValidationException("--credentials", "give --credentials or --credentials-file, not both");
        }
        if (profile != null && file == null) {
            throw new ValidationException("--profile", "names a profile of --credentials-file; give the file too,"
                    + " e.g. --credentials-file ~/.aws/credentials --profile " + profile);
        }
    }

    static ApiCredentials parse(String text, String where) {
        int colon = text.indexOf(':');
        String key = colon < 0 ? "" : text.substring(0, colon).trim();
        String secret = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (key.isEmpty() || secret.isEmpty()) {
            throw new ValidationException(where, "expected ACCESS_KEY:SECRET, e.g. AKIALOCAL:s3cret (both parts"
                    + " non-empty, separated by the first ':')");
        }
        return new ApiCredentials(key, secret);
    }

    private static ApiCredentials fromFile(Path file, String profile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ValidationException("--credentials-file", "cannot read " + file + "; check the path and"
                    + " that it is a readable file");
        }
        Map<String, Map<String, String>> profiles = profiles(lines);
        if (profiles.isEmpty()) {
            if (profile != null) {
                throw new ValidationException("--profile", file + " has no [profile] sections (it is read as one"
                        + " ACCESS_KEY:SECRET line); drop --profile or give an AWS credentials file");
            }
            String first = lines.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .findFirst().orElse("");
            return parse(first, "--credentials-file " + file);
        }
        String wanted = profile == null ? DEFAULT_PROFILE : profile;
        Map<String, String> chosen = profiles.get(wanted);
        if (chosen == null) {
            String has = String.join(", ", profiles.keySet().stream().map(p -> "[" + p + "]").toList());
            throw new ValidationException(profile == null ? "--credentials-file" : "--profile", file + " has no ["
                    + wanted + "] profile; it has " + has + "; pick one with --profile NAME");
        }
        String key = chosen.get(KEY_ID);
        String secret = chosen.get(SECRET);
        if (key == null || key.isEmpty() || secret == null || secret.isEmpty()) {
            throw new ValidationException("--credentials-file", "profile [" + wanted + "] of " + file + " needs both "
                    + KEY_ID + " and " + SECRET + " (a profile with role_arn or sso_* gets its keys from AWS at run"
                    + " time, which a local endpoint cannot do)");
        }
        return new ApiCredentials(key, secret, Optional.ofNullable(chosen.get(TOKEN)).filter(t -> !t.isEmpty()));
    }

    /** The file's profiles with their settings, in file order; empty when it has no [section]. */
    private static Map<String, Map<String, String>> profiles(List<String> lines) {
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = profiles.computeIfAbsent(line.substring(1, line.length() - 1).trim(),
                        name -> new LinkedHashMap<>());
            } else if (current != null && line.contains("=")) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT),
                        line.substring(eq + 1).trim());
            }
        }
        return profiles;
    }
}
