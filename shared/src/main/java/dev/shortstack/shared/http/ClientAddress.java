package dev.shortstack.shared.http;

/**
 * The API client's IP, for its failed-authentication limit. Behind CloudFront the HTTP API sees the
 * edge's address; a CloudFront Function on the API's behaviours writes the viewer's address into
 * {@value #HEADER} (replacing whatever the client sent), as the local runner does.
 */
public final class ClientAddress {
    public static final String HEADER = "x-shortstack-viewer-address";

    private ClientAddress() {
    }

    public static String of(HttpApiRequest request) {
        return request.header(HEADER).filter(address -> !address.isBlank()).orElse(request.sourceIp());
    }
}
