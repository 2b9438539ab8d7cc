package org.featureworkbench.ui.connect;

import java.util.Optional;
import java.util.regex.Pattern;
import org.featureworkbench.api.ApiCredentials;
import org.featureworkbench.api.ApiServerOptions;

/**
 * Checks the Connect page's inputs as they are typed and turns them into {@link ApiServerOptions}.
 * Each check returns the message to show next to the field, or "" when the input is fine.
 */
final class ServerSettings {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_\\[\\]%-]+");

    private ServerSettings() {
    }

    static String hostProblem(String host) {
        String h = host == null ? "" : host.strip();
        if (h.isEmpty()) {
            return "Enter the address to listen on, e.g. 127.0.0.1 (this computer only).";
        }
        if (h.contains("://") || h.contains("/")) {
            return "Enter only the host, e.g. 127.0.0.1, without http:// or a path.";
        }
        if (!HOST.matcher(h).matches()) {
            return "A host is a name or an IP address such as 127.0.0.1; '" + h + "' is neither.";
        }
        return "";
    }

    static String portProblem(String port) {
        String p = port == null ? "" : port.strip();
        if (p.isEmpty()) {
            return "Enter a port between 1 and 65535 (8787 by default; 0 picks any free port).";
        }
        if (!p.chars().allMatch(Character::isDigit) || p.length() > 5 || Integer.parseInt(p) > 65535) {
            return "The port must be a whole number between 1 and 65535 (0 picks any free port); '" + p + "' is not.";
        }
        return "";
    }

    static String credentialsProblem(String accessKey, String secret) {
        boolean key = accessKey != null && !accessKey.isBlank();
        boolean hasSecret = secret != null && !secret.isBlank();
        if (key && !hasSecret) {
            return "Enter the secret for this access key too, or clear the key to accept any signature.";
        }
        if (!key && hasSecret) {
            return "Enter the access key that goes with this secret, or clear the secret to accept any signature.";
        }
        if (key && accessKey.strip().chars().anyMatch(Character::isWhitespace)) {
            return "An access key has no spaces.";
        }
        return "";
    }

    static ApiServerOptions options(String host, String port, String accessKey, String secret) {
        return new ApiServerOptions(host.strip(), Integer.parseInt(port.strip()), credentials(accessKey, secret));
    }

    /** The key to require, or none (any signature accepted) when no access key is typed. */
    static Optional<ApiCredentials> credentials(String accessKey, String secret) {
        return accessKey == null || accessKey.isBlank() ? Optional.empty()
                : Optional.of(new ApiCredentials(accessKey.strip(), secret == null ? "" : secret));
    }

    /** The endpoint URL for a host and port (IPv6 literals in brackets). */
    static String endpoint(String host, String port) {
        String h = host == null ? "" : host.strip();
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return "http://" + h + ":" + (port == null ? "" : port.strip());
    }
}
