package dev.shortstack.bench.query;

import dev.shortstack.bench.cost.ZipfSampler;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.click.VisitorHasher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Clicks as the aggregator archives them, with a realistic spread: links drawn Zipf(1.0), one
 * in ten clicks a bot, a few dozen user agents, countries, referrers and languages, and visitors
 * from a daily pool (so some come back), hashed as the redirect hashes them.
 */
final class SyntheticClicks {
    private static final String[] BROWSERS = {"Chrome", "Mobile Safari", "Firefox", "Edge", "Chrome Mobile", "Samsung Internet", "Opera", "Safari"};
    private static final String[] OSES = {"Windows", "iOS", "Mac OS X", "Android", "Linux", "Chrome OS"};
    private static final String[] DEVICES = {"desktop", "mobile", "tablet"};
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "IN", "BR", "JP", "CA", "ES", "IT", "NL", "SE", "PL", "MX", "AU", "KR", "TR", "ID", "(unknown)", "CH"};
    private static final String[] LANGUAGES = {"en", "de", "fr", "es", "pt", "ja", "it", "nl", "pl", "(unknown)"};
    private static final String[] BOTS = {"Slackbot", "Twitterbot", "facebookexternalhit", "Googlebot", "HEAD request", "curl"};
    private static final int AGENTS = 40;
    private static final int REFERRERS = 60;
    private static final int VISITORS_PER_DAY = 300_000;

    private final String workspace;
    private final List<String> linkIds;
    private final ZipfSampler links;
    private final Random random;
    private final VisitorHasher hasher = new VisitorHasher("bench-visitor-hash-key-0123456789");

    SyntheticClicks(String workspace, List<String> linkIds, long seed) {
        this.workspace = workspace;
        this.linkIds = linkIds;
        this.links = new ZipfSampler(linkIds.size(), 1.0);
        this.random = new Random(seed);
    }

    /** {@code count} clicks spread evenly over the hour that starts at {@code hour}. */
    List<ArchivedClick> hour(Instant hour, int count) {
        List<ArchivedClick> clicks = new ArrayList<>(count);
        LocalDate day = hour.atZone(ZoneOffset.UTC).toLocalDate();
        for (int i = 0; i < count; i++) {
            String linkId = linkIds.get(links.next(random));
            Instant at = hour.plusMillis((long) i * 3_600_000L / count);
            int agent = random.nextInt(AGENTS);
            int referrer = random.nextInt(REFERRERS);
            String visitor = hasher.hash("10." + random.nextInt(VISITORS_PER_DAY / 65_536 + 1) + "."
                    + random.nextInt(256) + "." + random.nextInt(256), day);
            ClickEvent event = new ClickEvent(ClickEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), "s-" + linkId, linkId,
                    workspace, at.toString(), "GET", 302, "Mozilla/5.0 (bench agent " + agent + ") AppleWebKit/537.36",
                    referrer < 20 ? null : "https://ref" + referrer + ".example/post/" + referrer, LANGUAGES[agent % LANGUAGES.length],
                    COUNTRIES[random.nextInt(COUNTRIES.length)], visitor);
            if (random.nextInt(10) == 0) {
                clicks.add(ArchivedClick.bot(event, BOTS[agent % BOTS.length]));
            } else {
                clicks.add(ArchivedClick.human(event, event.country(), referrer < 20 ? "(direct)" : "ref" + referrer + ".example",
                        DEVICES[agent % DEVICES.length], OSES[agent % OSES.length], BROWSERS[agent % BROWSERS.length],
                        LANGUAGES[agent % LANGUAGES.length]));
            }
        }
        return clicks;
    }
}
