package dev.shortstack.redirect.entrypoints;

import dev.shortstack.shared.http.HttpApiRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The visitor's country from CloudFront's {@code CloudFront-Viewer-Country}, kept only when it is an
 * ISO 3166-1 alpha-2 code: anything else (a forged or garbled header) is no country at all, rather
 * than a made-up value in every country breakdown.
 */
final class ViewerCountry {
    private static final Set<String> ISO_3166_ALPHA_2 = Set.of(Locale.getISOCountries());

    private ViewerCountry() {
    }

    static String of(HttpApiRequest request) {
        return parse(request.header("cloudfront-viewer-country")).orElse(null);
    }

    static Optional<String> parse(Optional<String> header) {
        return header.map(value -> value.trim().toUpperCase(Locale.ROOT)).filter(ISO_3166_ALPHA_2::contains);
    }
}
