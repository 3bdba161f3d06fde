package dev.shortstack.redirect.entrypoints;

import dev.shortstack.redirect.service.RedirectOutcome;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.link.SocialPreview;
import java.util.Map;

/**
 * The page a link-preview bot gets for a link with a social preview of its own: Open Graph and
 * Twitter card tags (what the card shows), and a refresh to the destination should a person ever
 * see it. Varies with the user agent, so it is never cached.
 */
final class PreviewPage {
    private static final Map<String, String> HEADERS = Map.of(
            "content-type", "text/html; charset=utf-8",
            "cache-control", CachePolicy.NO_STORE);

    private PreviewPage() {
    }

    static HttpApiResponse of(RedirectOutcome.Redirect redirect, boolean head) {
        SocialPreview preview = redirect.link().preview();
        String location = RedirectResponses.html(redirect.location());
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        page.append("<title>").append(RedirectResponses.html(preview.title() != null ? preview.title() : redirect.location()))
                .append("</title>");
        meta(page, "og:title", preview.title());
        meta(page, "og:description", preview.description());
        meta(page, "og:image", preview.image());
        meta(page, "og:url", redirect.location());
        meta(page, "og:type", "website");
        page.append("<meta name=\"twitter:card\" content=\"").append(preview.image() != null ? "summary_large_image" : "summary")
                .append("\">");
        named(page, "twitter:title", preview.title());
        named(page, "twitter:description", preview.description());
        named(page, "twitter:image", preview.image());
        page.append("<meta http-equiv=\"refresh\" content=\"0; url=").append(location).append("\">")
                .append("<link rel=\"canonical\" href=\"").append(location).append("\"></head><body><p><a href=\"").append(location)
                .append("\">").append(location).append("</a></p></body></html>");
        return HttpApiResponse.of(200, HEADERS, head ? null : page.toString());
    }

    private static void meta(StringBuilder page, String property, String value) {
        if (value != null) {
            page.append("<meta property=\"").append(property).append("\" content=\"").append(RedirectResponses.html(value)).append("\">");
        }
    }

    private static void named(StringBuilder page, String name, String value) {
        if (value != null) {
            page.append("<meta name=\"").append(name).append("\" content=\"").append(RedirectResponses.html(value)).append("\">");
        }
    }
}
