package dev.shortstack.shared.http;

/**
 * The short domain a visitor asked for. CloudFront calls the redirect's function URL by the URL's own host, so a
 * CloudFront Function on the redirect's behaviour copies the viewer's {@code Host} into {@value #HEADER} (also part
 * of the cache key, so two domains' {@code /abc} are cached apart); the local runner does the same.
 */
public final class ViewerHost {
    public static final String HEADER = "x-shortstack-host";

    private ViewerHost() {
    }

    /** The host the visitor named, or null when the request came without one (then it is the default domain). */
    public static String of(HttpApiRequest request) {
        return request.header(HEADER).filter(host -> !host.isBlank()).orElse(null);
    }
}
