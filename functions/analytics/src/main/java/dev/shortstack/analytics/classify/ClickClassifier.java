package dev.shortstack.analytics.classify;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.stats.Dimension;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Human or bot, and the dimensions of a click. Browsers, OSes and devices come from uap-java
 * (the ua-parser project's maintained regex set; 60 KB and no heavy start-up, where Yauaa is
 * 3 MB with seconds of initialisation); results are cached per user-agent string, since a few
 * thousand agents make up nearly all traffic.
 */
public final class ClickClassifier {
    public static final String UNKNOWN = "(unknown)";
    public static final String DIRECT = "(direct)";

    /** Link-preview and crawler agents, checked before uap's own spider detection. Order: most specific first. */
    private static final List<String> KNOWN_BOTS = List.of(
            "Slackbot", "Twitterbot", "facebookexternalhit", "Facebot", "WhatsApp", "TelegramBot", "Discordbot",
            "LinkedInBot", "SkypeUriPreview", "Embedly", "redditbot", "Applebot", "Googlebot", "bingbot",
            "YandexBot", "DuckDuckBot", "Baiduspider", "GPTBot", "ClaudeBot", "PerplexityBot", "HeadlessChrome",
            "curl", "Wget", "python-requests", "Go-http-client", "okhttp", "Java/", "axios", "node-fetch");
    private static final Pattern GENERIC_BOT = Pattern.compile("(?i)bot\\b|crawl|spider|slurp|preview|fetch|monitor|scan");
    private static final Pattern LANGUAGE = Pattern.compile("^\\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*");

    private final LoadingCache<String, Client> agents;

    public ClickClassifier() {
        Parser parser = new Parser();
        this.agents = Caffeine.newBuilder().maximumSize(20_000).build(parser::parse);
    }

    public Classification classify(ClickEvent click) {
        String agent = click.userAgent() == null ? "" : click.userAgent();
        String botName = botName(click.method(), agent);
        Map<Dimension, String> dims = new EnumMap<>(Dimension.class);
        if (botName != null) {
            dims.put(Dimension.BOT, botName);
            return new Classification(true, dims);
        }
        Client client = agents.get(agent);
        dims.put(Dimension.COUNTRY, click.country() == null || click.country().isBlank()
                ? UNKNOWN : click.country().trim().toUpperCase(Locale.ROOT));
        dims.put(Dimension.REFERRER, referrerHost(click.referrer()));
        dims.put(Dimension.DEVICE, deviceType(client, agent));
        dims.put(Dimension.OS, family(client.os.family));
        dims.put(Dimension.BROWSER, family(client.userAgent.family));
        dims.put(Dimension.LANGUAGE, language(click.acceptLanguage()));
        return new Classification(false, dims);
    }

    /** The bot's name, or null for what looks like a person's browser. HEAD requests are previews. */
    String botName(String method, String agent) {
        if ("HEAD".equals(method)) {
            return "HEAD request";
        }
        if (agent.isBlank()) {
            return "no user agent";
        }
        for (String known : KNOWN_BOTS) {
            if (agent.contains(known)) {
                return known.endsWith("/") ? known.substring(0, known.length() - 1) : known;
            }
        }
        Client client = agents.get(agent);
        if ("Spider".equals(client.device.family) || GENERIC_BOT.matcher(agent).find()) {
            return family(client.userAgent.family).equals("Other") ? "other bot" : client.userAgent.family;
        }
        return null;
    }

    static String referrerHost(String referrer) {
        if (referrer == null || referrer.isBlank()) {
            return DIRECT;
        }
        try {
            String host = URI.create(referrer.trim()).getHost();
            if (host == null) {
                return UNKNOWN;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    static String language(String acceptLanguage) {
        if (acceptLanguage == null) {
            return UNKNOWN;
        }
        Matcher m = LANGUAGE.matcher(acceptLanguage);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : UNKNOWN;
    }

    private static String deviceType(Client client, String agent) {
        String device = client.device.family;
        String os = client.os.family;
        if (device.equals("iPad") || device.contains("Tablet") || device.startsWith("Kindle")
                || (os.equals("Android") && !agent.contains("Mobile"))) {
            return "tablet";
        }
        if (device.equals("iPhone") || device.contains("Smartphone") || agent.contains("Mobile")
                || os.equals("iOS") || os.equals("Android")) {
            return "mobile";
        }
        return os.equals("Other") ? UNKNOWN : "desktop";
    }

    private static String family(String family) {
        return family == null || family.isBlank() ? UNKNOWN : family;
    }
}
