package dev.shortstack.bench.cost;

/**
 * What a click pays to reach the redirect function. Both designs pay CloudFront: an HTTPS request,
 * the answer's bytes out to the viewer, the forwarded request's bytes to the origin (from AWS origins
 * back to CloudFront is free). The current deployment's origin is an API Gateway HTTP API, a request
 * each (tiered by the month's volume); the target design's is a Lambda function URL, which has no fee
 * of its own (the Lambda request is counted with Lambda).
 */
public enum FrontDoor {
    TWO_DOORS("two front doors (CloudFront + HTTP API)"),
    ONE_DOOR("one front door (CloudFront → function URL)");

    private final String label;

    FrontDoor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** CloudFront's share per click: the request and both transfers. */
    public static double cloudFrontPerClick(FrontDoorBytes bytes) {
        return Prices.CLOUDFRONT_HTTPS_REQUEST
                + bytes.toViewer() / Prices.BYTES_PER_GB * Prices.CLOUDFRONT_DATA_OUT_GB
                + bytes.toOrigin() / Prices.BYTES_PER_GB * Prices.CLOUDFRONT_TO_ORIGIN_GB;
    }

    /** The HTTP API's mean price per request over a month of {@code requestsPerMonth}. */
    public static double httpApiPerRequest(long requestsPerMonth) {
        long first = Math.min(requestsPerMonth, Prices.HTTP_API_FIRST_TIER_REQUESTS);
        long over = requestsPerMonth - first;
        return (first * Prices.HTTP_API_REQUEST_FIRST_300M + over * Prices.HTTP_API_REQUEST_OVER_300M) / requestsPerMonth;
    }

    public double dollarsPerClick(TrafficProfile profile, FrontDoorBytes bytes) {
        double cloudFront = cloudFrontPerClick(bytes);
        return this == TWO_DOORS ? cloudFront + httpApiPerRequest(profile.clicksPerMonth()) : cloudFront;
    }
}
