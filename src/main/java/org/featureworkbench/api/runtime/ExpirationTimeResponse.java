package org.featureworkbench.api.runtime;

/** SageMaker's {@code ExpirationTimeResponse}: {@code Enabled} or {@code Disabled} (the default). */
final class ExpirationTimeResponse {
    private ExpirationTimeResponse() {
    }

    static boolean enabled(String value) {
        if (value == null || value.equals("Disabled")) {
            return false;
        }
        if (value.equals("Enabled")) {
            return true;
        }
        throw RequestBody.invalid("ExpirationTimeResponse is '" + value + "'; use Enabled or Disabled");
    }
}
