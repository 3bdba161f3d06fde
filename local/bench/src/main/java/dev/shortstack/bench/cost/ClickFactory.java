package dev.shortstack.bench.cost;

import dev.shortstack.links.links.SlugGenerator;
import dev.shortstack.shared.click.ClickEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Click events as the redirect function sends them, with a small realistic mix of visitors:
 * 85 % browsers and 15 % bots (link previews, crawlers, scripts, HEAD requests), weighted
 * countries, referrers (a few big sites, direct visits and a long tail of 1,000 small sites) and
 * Accept-Language headers. Link ids are UUIDs and slugs 7 characters, as the links API makes them;
 * link {@code i} belongs to workspace {@code i mod workspaces}. A click's visitor is drawn from a
 * population as large as the profile's clicks a day, so most clicks of a link are distinct visitors.
 */
public final class ClickFactory {
    private static final Weighted<String> BROWSERS = new Weighted<String>()
            .add(24, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
            .add(20, "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36")
            .add(18, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36")
            .add(9, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")
            .add(7, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36")
            .add(5, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0")
            .add(4, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0")
            .add(4, "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36")
            .add(3, "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
            .add(3, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 337.0.3.23.54 (iPhone15,2; iOS 17_5; en_US; en; scale=3.00; 1179x2556; 618425446)")
            .add(2, "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0")
            .add(1, "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36");
    private static final Weighted<String> BOTS = new Weighted<String>()
            .add(25, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")
            .add(15, "Twitterbot/1.0")
            .add(12, "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")
            .add(10, "WhatsApp/2.23.20.0")
            .add(8, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
            .add(6, "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)")
            .add(6, "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)")
            .add(5, "TelegramBot (like TwitterBot)")
            .add(5, "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")
            .add(4, "curl/8.5.0")
            .add(4, "python-requests/2.32.3");
    /** Among bots, this share are HEAD requests (link checkers) with a browser's agent. */
    private static final double HEAD_SHARE_OF_BOTS = 0.10;
    private static final double BOT_SHARE = 0.15;
    private static final Weighted<String> COUNTRIES = new Weighted<String>()
            .add(30, "US").add(8, "DE").add(8, "GB").add(6, "IN").add(5, "FR").add(5, "BR").add(4, "CA").add(4, "JP")
            .add(3, "ES").add(3, "IT").add(3, "NL").add(3, "AU").add(2, "MX").add(2, "PL").add(2, "SE").add(1, "CH")
            .add(1, "TR").add(1, "KR").add(1, "ID").add(1, "NG").add(1, "ZA").add(1, "AR").add(1, "IE").add(1, "SG")
            .add(2, null);
    private static final Weighted<String> REFERRERS = new Weighted<String>()
            .add(40, null).add(12, "https://www.google.com/").add(9, "https://t.co/").add(6, "https://www.linkedin.com/")
            .add(6, "https://www.facebook.com/").add(5, "https://l.instagram.com/").add(4, "https://www.reddit.com/r/programming/")
            .add(3, "https://news.ycombinator.com/").add(3, "https://www.bing.com/").add(2, "https://duckduckgo.com/")
            .add(2, "https://mail.google.com/").add(8, ClickFactory.TAIL);
    private static final String TAIL = "tail";
    private static final int TAIL_SITES = 1_000;
    private static final Weighted<String> LANGUAGES = new Weighted<String>()
            .add(40, "en-US,en;q=0.9").add(8, "en-GB,en;q=0.9").add(8, "de-DE,de;q=0.9,en;q=0.8").add(6, "fr-FR,fr;q=0.9,en;q=0.8")
            .add(6, "es-ES,es;q=0.9").add(5, "pt-BR,pt;q=0.9,en;q=0.8").add(4, "ja-JP,ja;q=0.9").add(3, "zh-CN,zh;q=0.9")
            .add(3, "it-IT,it;q=0.9").add(2, "nl-NL,nl;q=0.9,en;q=0.8").add(2, "pl-PL,pl;q=0.9").add(2, "ko-KR,ko;q=0.9")
            .add(1, "sv-SE,sv;q=0.9").add(1, "tr-TR,tr;q=0.9").add(1, "hi-IN,hi;q=0.9,en;q=0.8").add(3, null);
    private static final HexFormat HEX = HexFormat.of();

    private final int workspaces;
    private final long visitors;

    public ClickFactory(TrafficProfile profile) {
        this.workspaces = profile.workspaces();
        this.visitors = Math.max(1_000, profile.clicksPerMonth() / 30);
    }

    public static String describe() {
        return String.format(Locale.ROOT, "Visitors: %.0f %% browsers (%d agents), %.0f %% bots (%d agents, and HEAD requests with a"
                        + " browser's agent for %.0f %% of bots); %d countries (%.0f %% none); referrers: %d sites, %.0f %% direct, %.0f %%"
                        + " from %,d small sites; %d Accept-Language values; visitor hashes from a population of one day's clicks",
                100 * (1 - BOT_SHARE), BROWSERS.size(), 100 * BOT_SHARE, BOTS.size(), 100 * HEAD_SHARE_OF_BOTS,
                COUNTRIES.size() - 1, 100 * COUNTRIES.share(null), REFERRERS.size() - 2, 100 * REFERRERS.share(null),
                100 * REFERRERS.share(TAIL), TAIL_SITES, LANGUAGES.size());
    }

    public ClickEvent click(int link, Instant at, Random random) {
        boolean bot = random.nextDouble() < BOT_SHARE;
        boolean head = bot && random.nextDouble() < HEAD_SHARE_OF_BOTS;
        String agent = bot && !head ? BOTS.pick(random) : BROWSERS.pick(random);
        String referrer = REFERRERS.pick(random);
        if (TAIL.equals(referrer)) {
            referrer = "https://blog-" + random.nextInt(TAIL_SITES) + ".example.net/posts/" + random.nextInt(10_000);
        }
        long visitor = Math.floorMod(random.nextLong(), visitors);
        return new ClickEvent(ClickEvent.SCHEMA_VERSION, uuid(random.nextLong(), random.nextLong()), slug(link), linkId(link),
                workspaceId(link), at.truncatedTo(ChronoUnit.MICROS).toString(), head ? "HEAD" : "GET", 302, agent, referrer,
                LANGUAGES.pick(random), COUNTRIES.pick(random), visitorHash(visitor, at));
    }

    public String workspaceId(int link) {
        return "workspace-" + link % workspaces;
    }

    public static String linkId(int link) {
        return uuid(mix(link), mix(~(long) link));
    }

    public static String slug(int link) {
        long bits = mix(link * 31L + 7);
        char[] slug = new char[SlugGenerator.LENGTH];
        for (int i = 0; i < slug.length; i++) {
            slug[i] = SlugGenerator.ALPHABET.charAt((int) Math.floorMod(bits, (long) SlugGenerator.ALPHABET.length()));
            bits = Long.divideUnsigned(bits, SlugGenerator.ALPHABET.length());
        }
        return new String(slug);
    }

    /** 32 hex characters, as {@code VisitorHasher} makes them: a keyed hash of the visitor and the UTC day. */
    private static String visitorHash(long visitor, Instant at) {
        long day = at.getEpochSecond() / 86_400;
        return HEX.toHexDigits(mix(visitor * 0x9E3779B97F4A7C15L + day)) + HEX.toHexDigits(mix(visitor ^ (day << 32) ^ 0x5DEECE66DL));
    }

    /** A version-4 UUID string from 128 random bits. */
    private static String uuid(long msb, long lsb) {
        return new UUID((msb & ~0xF000L) | 0x4000L, (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A discrete distribution over a few values by integer weights. */
    private static final class Weighted<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Integer> cumulative = new ArrayList<>();
        private int total;

        Weighted<T> add(int weight, T value) {
            total += weight;
            values.add(value);
            cumulative.add(total);
            return this;
        }

        int size() {
            return values.size();
        }

        double share(T value) {
            int i = values.indexOf(value);
            return i < 0 ? 0 : (double) (cumulative.get(i) - (i == 0 ? 0 : cumulative.get(i - 1))) / total;
        }

        T pick(Random random) {
            int r = random.nextInt(total);
            for (int i = 0; i < values.size(); i++) {
                if (r < cumulative.get(i)) {
                    return values.get(i);
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }
}
