package dev.shortstack.links.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.request.FieldReader;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.PasswordHash;
import dev.shortstack.shared.link.SocialPreview;
import dev.shortstack.shared.rules.RedirectRule;
import dev.shortstack.shared.rules.RuleVisitor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns create and edit bodies (and import rows, which are create bodies) into validated values, reporting every invalid field at once. */
public final class LinkRequestParser {
    public static final int MAX_TAGS = 20;
    public static final long MAX_VISITS_LIMIT = 1_000_000_000L;
    public static final Set<Integer> REDIRECT_TYPES = Set.of(301, 302, 307, 308);
    private static final Duration MAX_EXPIRY = Duration.ofDays(3660);
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _.:/-]{1,50}");
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 1000;
    private static final Set<String> CREATE_FIELDS = Set.of("url", "slug", "expiresAt", "maxVisits", "redirectType", "tags", "title",
            "description", "fallbackUrl", "utm", "rules", "forwardQuery", "password", "preview", "domain");
    private static final Set<String> PATCH_FIELDS = Set.of("url", "expiresAt", "maxVisits", "redirectType", "tags", "disabled", "title",
            "description", "fallbackUrl", "utm", "rules", "forwardQuery", "password", "preview");
    private static final Set<String> SOCIAL_PREVIEW_FIELDS = Set.of("title", "description", "image");
    public static final int MIN_PASSWORD = 4;
    public static final int MAX_PASSWORD = 128;

    private final UrlPolicy urlPolicy;

    public LinkRequestParser(UrlPolicy urlPolicy) {
        this.urlPolicy = urlPolicy;
    }

    public NewLink parseCreate(ObjectNode body, Instant now) {
        FieldReader fields = new FieldReader(body, CREATE_FIELDS);
        String url = normalisedUrl(fields);
        Map<String, Optional<String>> utm = utm(body, fields);
        if (url != null && utm != null) {
            url = UtmParameters.compose(url, utm);
        }
        if (url == null && !fields.hasErrorFor("url")) {
            fields.reject("url", "is required");
        }
        checkUrl(fields, url);
        String slug = fields.string("slug");
        if (slug == null && fields.isNull("slug")) {
            fields.reject("slug", "must be a string; leave it out to get a random slug");
        }
        if (slug != null) {
            SlugPolicy.violation(slug).ifPresent(reason -> fields.reject("slug", reason));
        }
        Instant expiresAt = expiresAt(fields, now);
        Long maxVisits = fields.integer("maxVisits", 1, MAX_VISITS_LIMIT);
        Integer redirectType = redirectType(fields);
        List<String> tags = tags(fields);
        String title = text(fields, "title", MAX_TITLE);
        String description = text(fields, "description", MAX_DESCRIPTION);
        String fallbackUrl = fallbackUrl(fields);
        List<RedirectRule> rules = rules(body, fields, now);
        Boolean forwardQuery = fields.bool("forwardQuery");
        String password = password(fields);
        SocialPreview preview = preview(body, fields);
        String domain = domain(fields);
        fields.throwIfInvalid();
        return new NewLink(url, slug, expiresAt, maxVisits,
                redirectType == null ? Link.DEFAULT_REDIRECT_TYPE : redirectType,
                tags == null ? List.of() : tags, title, description, fallbackUrl, rules, forwardQuery == null || forwardQuery,
                password == null ? null : PasswordHash.hash(password), preview, domain);
    }

    /** A short domain's host as the request names it (whether the workspace may use it is the service's question). */
    private static String domain(FieldReader fields) {
        String domain = fields.string("domain");
        if (domain == null && fields.isNull("domain")) {
            fields.reject("domain", "must be a string; leave it out for the workspace's default domain");
            return null;
        }
        String host = domain == null ? null : domain.toLowerCase(java.util.Locale.ROOT);
        if (host != null && !LinkDomains.isShortHost(host)) {
            fields.reject("domain", "must be a host name such as go.example.com (no scheme, port or path)");
            return null;
        }
        return host;
    }


    public LinkPatch parsePatch(ObjectNode body, Instant now) {
        FieldReader fields = new FieldReader(body, PATCH_FIELDS);
        if (body.isEmpty()) {
            fields.reject("(body)", "names no field to change");
        }
        for (String notClearable : List.of("url", "redirectType", "disabled", "forwardQuery")) {
            if (fields.isNull(notClearable)) {
                fields.reject(notClearable, "cannot be null");
            }
        }
        String url = normalisedUrl(fields);
        checkUrl(fields, url);
        Instant expiresAt = expiresAt(fields, now);
        Long maxVisits = fields.integer("maxVisits", 1, MAX_VISITS_LIMIT);
        Integer redirectType = redirectType(fields);
        // JSON merge patch: null removes the field, and a link without tags has none.
        List<String> tags = fields.isNull("tags") ? List.of() : tags(fields);
        Boolean disabled = fields.bool("disabled");
        String title = text(fields, "title", MAX_TITLE);
        String description = text(fields, "description", MAX_DESCRIPTION);
        String fallbackUrl = fallbackUrl(fields);
        Map<String, Optional<String>> utm = utm(body, fields);
        // Rules are replaced as a whole (an array is not merge-patched); null removes them.
        List<RedirectRule> rules = fields.isNull("rules") ? List.of() : rules(body, fields, now);
        String password = password(fields);
        SocialPreview preview = preview(body, fields);
        fields.throwIfInvalid();
        return new LinkPatch(
                url,
                fields.has("expiresAt") ? new LinkPatch.Clearable<>(expiresAt) : null,
                fields.has("maxVisits") ? new LinkPatch.Clearable<>(maxVisits) : null,
                redirectType,
                tags,
                disabled,
                fields.has("title") ? new LinkPatch.Clearable<>(title) : null,
                fields.has("description") ? new LinkPatch.Clearable<>(description) : null,
                fields.has("fallbackUrl") ? new LinkPatch.Clearable<>(fallbackUrl) : null,
                utm,
                rules,
                fields.bool("forwardQuery"),
                fields.has("password") ? new LinkPatch.Clearable<>(password == null ? null : PasswordHash.hash(password)) : null,
                fields.has("preview") ? new LinkPatch.Clearable<>(preview) : null);
    }

    /**
     * Free text for people (a title, a description): trimmed, at most {@code max} characters, no
     * control characters; empty is the same as none.
     */
    private static String text(FieldReader fields, String field, int max) {
        String raw = fields.string(field);
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > max) {
            return fields.reject(field, "must be at most " + max + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return fields.reject(field, "must not contain control characters");
        }
        return text.isEmpty() ? null : text;
    }

    public static boolean isValidTag(String tag) {
        return TAG.matcher(tag).matches();
    }

    /**
     * The {@code utm} object: each of source, medium, campaign, term and content a string to set
     * (at most 200 characters) or null to remove; null when the body has none.
     */
    private static Map<String, Optional<String>> utm(ObjectNode body, FieldReader fields) {
        JsonNode node = body.get("utm");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            return fields.reject("utm", "must be an object such as {\"source\": \"newsletter\", \"campaign\": \"spring\"}");
        }
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            if (!UtmParameters.FIELDS.contains(field)) {
                fields.reject("utm." + field, "is not a UTM parameter; use source, medium, campaign, term or content");
            } else if (value.isNull() || value.isTextual() && value.asText().isBlank()) {
                values.put(field, Optional.empty());
            } else if (!value.isTextual()) {
                fields.reject("utm." + field, "must be a string, or null to remove it");
            } else if (value.asText().strip().length() > UtmParameters.MAX_VALUE
                    || value.asText().chars().anyMatch(Character::isISOControl)) {
                fields.reject("utm." + field, "must be at most " + UtmParameters.MAX_VALUE + " characters, without control characters");
            } else {
                values.put(field, Optional.of(value.asText().strip()));
            }
        });
        return values;
    }

    private static final Set<String> RULE_PREVIEW_FIELDS = Set.of("rules", "visitor");
    private static final Set<String> VISITOR_FIELDS = Set.of("userAgent", "country", "language", "query", "at");

    /** A rule preview: {@code rules} as on a link, and a {@code visitor} (user agent, country, Accept-Language, query, instant). */
    public RulePreview parsePreview(ObjectNode body, Instant now) {
        FieldReader fields = new FieldReader(body, RULE_PREVIEW_FIELDS);
        List<RedirectRule> rules = body.hasNonNull("rules") ? rules(body, fields, now) : fields.reject("rules", "is required");
        JsonNode visitorNode = body.get("visitor");
        RuleVisitor visitor = null;
        if (visitorNode == null || !visitorNode.isObject()) {
            fields.reject("visitor", "must be an object such as {\"userAgent\": \"...\", \"country\": \"DE\", \"language\": \"de\"}");
        } else {
            FieldReader visitorFields = new FieldReader((ObjectNode) visitorNode, VISITOR_FIELDS);
            String userAgent = visitorFields.string("userAgent");
            String country = visitorFields.string("country");
            String language = visitorFields.string("language");
            Instant at = visitorFields.dateTime("at");
            Map<String, List<String>> query = new LinkedHashMap<>();
            JsonNode queryNode = visitorNode.get("query");
            if (queryNode != null && !queryNode.isObject()) {
                visitorFields.reject("query", "must be an object of parameter names and values, such as {\"ref\": \"newsletter\"}");
            } else if (queryNode != null) {
                queryNode.properties().forEach(e -> {
                    if (e.getValue().isTextual()) {
                        query.put(e.getKey(), List.of(e.getValue().asText()));
                    } else {
                        visitorFields.reject("query." + e.getKey(), "must be a string");
                    }
                });
            }
            visitorFields.errors().forEach(error -> fields.reject("visitor." + error.field(), error.message()));
            visitor = new RuleVisitor(userAgent, country == null ? null : country.strip().toUpperCase(Locale.ROOT), language, query,
                    at == null ? now : at, null);
        }
        fields.throwIfInvalid();
        return new RulePreview(rules, visitor);
    }

    /**
     * A password for the link's visitors: {@value #MIN_PASSWORD} to {@value #MAX_PASSWORD} characters, kept only as a slow
     * hash (hashed after every other check, so a refused request costs no hashing).
     */
    private static String password(FieldReader fields) {
        String password = fields.string("password");
        if (password != null && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
            return fields.reject("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        if (password != null && password.chars().anyMatch(Character::isISOControl)) {
            return fields.reject("password", "must not contain control characters");
        }
        return password;
    }

    /**
     * The {@code preview} object for link-preview bots: {@code title} (at most {@value #MAX_TITLE} characters),
     * {@code description} (at most {@value #MAX_DESCRIPTION}), {@code image} (a URL under the link's own rules); at
     * least one of them. Null when the body has none or clears it.
     */
    private SocialPreview preview(ObjectNode body, FieldReader fields) {
        JsonNode node = body.get("preview");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            return fields.reject("preview", "must be an object such as {\"title\": \"...\", \"description\": \"...\", \"image\": \"https://...\"}");
        }
        FieldReader parts = new FieldReader((ObjectNode) node, SOCIAL_PREVIEW_FIELDS);
        String title = text(parts, "title", MAX_TITLE);
        String description = text(parts, "description", MAX_DESCRIPTION);
        String rawImage = parts.string("image");
        String image = rawImage == null || rawImage.isBlank() ? null : UrlNormaliser.normalise(rawImage);
        if (image != null) {
            urlPolicy.violation(image).ifPresent(reason -> parts.reject("image", reason));
        }
        if (parts.errorCount() == 0 && title == null && description == null && image == null) {
            parts.reject("(preview)", "needs a title, a description or an image; null removes the preview");
        }
        parts.errors().forEach(error -> fields.reject(error.field().equals("(preview)") ? "preview" : "preview." + error.field(),
                error.message()));
        return new SocialPreview(title, description, image);
    }

    /** The {@code rules} array, validated; null when the body has none. */
    private List<RedirectRule> rules(ObjectNode body, FieldReader fields, Instant now) {
        JsonNode node = body.get("rules");
        return node == null || node.isNull() ? null : new RuleRequestParser(urlPolicy, fields, now).parse(node);
    }

    /** Where visits go once the link is gone: a URL under the same rules as the link's own. */
    private String fallbackUrl(FieldReader fields) {
        String raw = fields.string("fallbackUrl");
        if (raw == null) {
            return null;
        }
        String url = UrlNormaliser.normalise(raw);
        urlPolicy.violation(url).ifPresent(reason -> fields.reject("fallbackUrl", reason));
        return url;
    }

    private static String normalisedUrl(FieldReader fields) {
        String url = fields.string("url");
        return url == null ? null : UrlNormaliser.normalise(url);
    }

    private void checkUrl(FieldReader fields, String url) {
        if (url != null) {
            urlPolicy.violation(url).ifPresent(reason -> fields.reject("url", reason));
        }
    }

    private static Instant expiresAt(FieldReader fields, Instant now) {
        Instant at = fields.dateTime("expiresAt");
        if (at == null) {
            return null;
        }
        if (!at.isAfter(now)) {
            return fields.reject("expiresAt", "must be in the future");
        }
        if (at.isAfter(now.plus(MAX_EXPIRY))) {
            return fields.reject("expiresAt", "must be within 10 years");
        }
        return at;
    }

    private static Integer redirectType(FieldReader fields) {
        Long type = fields.integer("redirectType", 0, 999);
        if (type == null) {
            return null;
        }
        if (!REDIRECT_TYPES.contains(type.intValue())) {
            return fields.reject("redirectType", "must be one of 301, 302, 307, 308");
        }
        return type.intValue();
    }

    private static List<String> tags(FieldReader fields) {
        List<String> raw = fields.strings("tags", MAX_TAGS);
        if (raw == null) {
            return null;
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String tag = raw.get(i).trim();
            if (!isValidTag(tag)) {
                fields.reject("tags[" + i + "]", "must be 1 to 50 letters, digits, spaces or _ . : / -");
            }
            unique.add(tag);
        }
        return new ArrayList<>(unique);
    }
}
