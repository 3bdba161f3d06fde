package dev.shortstack.redirect.entrypoints;

import dev.shortstack.shared.http.HttpApiRequest;

/**
 * The visitor's IP. Behind CloudFront, API Gateway's source IP is the edge's, so CloudFront's
 * {@code CloudFront-Viewer-Address} (ip:port) is preferred when present.
 */
final class ClientIp {
    private ClientIp() {
    }

    static String of(HttpApiRequest request) {
        return request.header("cloudfront-viewer-address")
                .filter(address -> address.lastIndexOf(':') > 0)
                .map(address -> address.substring(0, address.lastIndexOf(':')))
                .orElse(request.sourceIp());
    }
}
