package org.featureworkbench.ui.connect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.featureworkbench.api.ApiServerOptions;
import org.featureworkbench.model.FeatureStoreException;

/**
 * The server's host rule (loopback is open to this computer only; any other address needs an
 * access key) checked before starting, so the page says it in its own words (fields, not the
 * command line's flags). Runs in the background: resolving a name may take a while.
 */
final class HostCheck {
    private HostCheck() {
    }

    /**
     * @return a warning to show while the server runs on a non-loopback address; empty on loopback
     * @throws FeatureStoreException for an unknown host, or another computer's reach without a key
     */
    static Optional<String> check(ApiServerOptions options) {
        InetAddress address;
        try {
            address = InetAddress.getByName(options.host());
        } catch (UnknownHostException e) {
            throw new FeatureStoreException("The host '" + options.host() + "' is not known to this computer. "
                    + "Use 127.0.0.1 to serve this computer only.");
        }
        if (address.isLoopbackAddress()) {
            return Optional.empty();
        }
        if (options.credentials().isEmpty()) {
            throw new FeatureStoreException("Listening on " + options.host() + " lets other computers reach this "
                    + "workspace, so every request must be signed: enter an access key and a secret, or use 127.0.0.1.");
        }
        return Optional.of("Reachable from other computers at " + options.host() + ": requests must be signed with "
                + "the access key " + options.credentials().get().accessKeyId() + ", but travel unencrypted (plain HTTP).");
    }
}
