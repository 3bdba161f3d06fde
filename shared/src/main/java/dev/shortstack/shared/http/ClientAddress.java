package dev.shortstack.shared.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

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

    /**
     * What one client is counted as: an IPv4 address, or an IPv6 address's /64 (one subscriber's
     * network, which it can fill with addresses at will).
     */
    public static String network(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
