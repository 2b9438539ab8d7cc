package org.featureworkbench.api.auth;

import java.util.regex.Pattern;

/**
 * The checks on a signature's credential scope ({@code date/region/service/aws4_request}) beyond
 * the date, which {@link SigV4Claim} checks (ADR 0023, addendum). The service must be the one this
 * endpoint serves: both SageMaker's control plane and the Feature Store Runtime have the signing
 * name {@code sagemaker} in their service models, so a client of another service pointed here by
 * mistake is told so rather than answered. Any region is accepted, since a local endpoint has none
 * of its own and clients sign with whatever region they are configured for, but it must be a
 * region name (lower-case letters, digits and hyphens, as {@code us-east-1} or {@code local}): a
 * SigV4a region set ({@code *}) or an empty region is refused. Immutable.
 */
final class CredentialScope {
    /** The signing name of both service models this endpoint serves. */
    static final String SAGEMAKER = "sagemaker";
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_REGION = 50;

    private final String service;

    /** @param service the signing name requests must carry; {@link #SAGEMAKER} on the endpoint */
    CredentialScope(String service) {
        this.service = service;
    }

    void check(SigV4Claim claim) {
        if (!claim.service().equals(service)) {
            throw AccessForbidden.of("the request is signed for the service '" + claim.service() + "', but this"
                    + " endpoint serves SageMaker, whose control plane and Feature Store Runtime both sign as '"
                    + service + "'; use a SageMaker or SageMaker Feature Store Runtime client (or sign with service"
                    + " name '" + service + "')");
        }
        String region = claim.region();
        if (region.length() > MAX_REGION || !REGION.matcher(region).matches()) {
            throw AccessForbidden.of("the request is signed for the region '" + region + "', which is not a region"
                    + " name; configure the client with any region, e.g. us-east-1 (this endpoint accepts every"
                    + " region, but not SigV4a region sets)");
        }
    }
}
