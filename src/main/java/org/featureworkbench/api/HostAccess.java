package org.featureworkbench.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.featureworkbench.model.FeatureStoreException;

/**
 * Who may reach the endpoint (issue 13, "Access"): loopback is open to this machine's programs
 * only; any other interface is open to the network, so it needs credentials, and even then a
 * warning, since the endpoint speaks plain HTTP.
 */
public final class HostAccess {
    private HostAccess() {
    }

    /**
     * Refuses a non-loopback host without credentials.
     *
     * @return the warning to show for a non-loopback host with credentials; empty on loopback
     * @throws FeatureStoreException for an unknown host or a non-loopback one without credentials
     */
    public static Optional<String> check(ApiServerOptions options) {
        if (isLoopback(options.host())) {
            return Optional.empty();
        }
        if (options.credentials().isEmpty()) {
            throw new FeatureStoreException("--host " + options.host() + " would open the feature store to other"
                    + " machines without any check; give --credentials ACCESS_KEY:SECRET (or --credentials-file) so"
                    + " every request must be signed, or keep the default --host " + ApiServerOptions.DEFAULT_HOST);
        }
        return Optional.of("warning: listening on " + options.host() + ", reachable from other machines; requests"
                + " must be signed with the access key " + options.credentials().get().accessKeyId()
                + ", but travel unencrypted (plain HTTP)");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new FeatureStoreException("--host " + host + " is not a known host name or address of this"
                    + " machine; use an IP address such as " + ApiServerOptions.DEFAULT_HOST);
        }
    }
}
