package org.featureworkbench.api;

/**
 * The one access key a server accepts when started with {@code --credentials}.
 *
 * @param accessKeyId the access key id clients sign with
 * @param secretKey   its secret
 */
public record ApiCredentials(String accessKeyId, String secretKey) {
    @Override
    public String toString() {
        return "ApiCredentials[" + accessKeyId + ", secret hidden]";
    }
}
