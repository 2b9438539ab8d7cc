package org.featureworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.model.ValidationException;

/**
 * {@code serve}'s access key: {@code --credentials ACCESS_KEY:SECRET}, or {@code --credentials-file F}
 * so the secret stays out of the shell history and the process list. The file holds either that
 * one line or an AWS credentials file's {@code aws_access_key_id} / {@code aws_secret_access_key}
 * (of its first profile).
 */
final class CredentialsOption {
    private CredentialsOption() {
    }

    static Optional<ApiCredentials> read(String inline, Path file) {
        if (inline != null && file != null) {
            throw new ValidationException("--credentials", "give --credentials or --credentials-file, not both");
        }
        if (inline != null) {
            return Optional.of(parse(inline, "--credentials"));
        }
        return file == null ? Optional.empty() : Optional.of(fromFile(file));
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

    private static ApiCredentials fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ValidationException("--credentials-file", "cannot read " + file + "; check the path and"
                    + " that it is a readable file");
        }
        String key = null;
        String secret = null;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.startsWith("[") && key != null) {
                break;
            }
            if (line.startsWith("aws_access_key_id") && line.contains("=")) {
                key = line.substring(line.indexOf('=') + 1).trim();
            } else if (line.startsWith("aws_secret_access_key") && line.contains("=")) {
                secret = line.substring(line.indexOf('=') + 1).trim();
            }
        }
        if (key != null && secret != null) {
            return parse(key + ":" + secret, "--credentials-file " + file);
        }
        String first = lines.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .findFirst().orElse("");
        return parse(first, "--credentials-file " + file);
    }
}
