package dev.shortstack.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard's built files (the web module's {@code webapp/} on the class path) as CloudFront
 * serves them from the web-assets bucket: {@code /app/} is {@code index.html}, never cached;
 * files under {@code /app/assets/} have content hashes in their names and are cached for a year.
 */
final class StaticAssets {
    static final String PREFIX = "/app/";
    private final String contentSecurityPolicy;

    /** @param contentSecurityPolicy as CloudFront's /app/* behaviour sends it (with this machine's upload origin) */
    StaticAssets(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    private static final String ROOT = "webapp/";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "woff2", "font/woff2");

    /** One file to answer with. */
    record Asset(byte[] body, Map<String, String> headers) {
    }

    /** @return the file for a path under {@code /app/}, or empty when there is none */
    Optional<Asset> find(String path) {
        String relative = path.substring(PREFIX.length());
        if (relative.isEmpty()) {
            relative = "index.html";
        }
        if (!SAFE_PATH.matcher(relative).matches() || relative.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(ROOT + relative)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = relative.substring(relative.lastIndexOf('.') + 1);
            boolean hashed = relative.startsWith("assets/");
            return Optional.of(new Asset(in.readAllBytes(), Map.of(
                    "content-type", TYPES.getOrDefault(extension, "application/octet-stream"),
                    "cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache",
                    "x-content-type-options", "nosniff",
                    "x-frame-options", "DENY",
                    "content-security-policy", contentSecurityPolicy,
                    "referrer-policy", "strict-origin-when-cross-origin")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
