package dev.shortstack.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.shortstack.shared.click.VisitorHasher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/** Visitors → the URL each gets, for one link with a rule of every kind (first match wins). */
class RuleEngineTest {
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/17.5 Mobile/15E148 Safari/604.1";
    private static final String IPAD = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/17.5 Mobile/15E148 Safari/604.1";
    private static final String ANDROID_PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Mobile Safari/537.36";
    private static final String ANDROID_TABLET = "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36";
    private static final String SAMSUNG = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36";
    private static final String WINDOWS_EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68";
    private static final String WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36";
    private static final String MAC_FIREFOX = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0";
    private static final String MAC_SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/17.5 Safari/605.1.15";
    private static final String LINUX_FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0";
    private static final String CHROMEBOOK = "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36";
    private static final String OPERA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0";

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant SALE_STARTS = Instant.parse("2026-12-24T00:00:00Z");
    private static final Instant SALE_ENDS = Instant.parse("2026-12-27T00:00:00Z");

    /** In order: the first that matches wins. */
    private static final List<RedirectRule> RULES = List.of(
            to(when(b -> b.query = Map.of("ref", "newsletter")), "https://example.com/from-newsletter"),
            to(when(b -> b.from = SALE_STARTS).withUntil(SALE_ENDS), "https://example.com/holiday-sale"),
            to(when(b -> {
                b.os = List.of("ios");
                b.device = List.of("mobile");
            }), "https://apps.apple.com/app/id1"),
            to(when(b -> b.os = List.of("android")), "https://play.google.com/store/apps/details?id=x"),
            to(when(b -> {
                b.country = List.of("DE", "AT", "CH");
                b.language = List.of("de");
            }), "https://example.com/de"),
            to(when(b -> b.browser = List.of("edge", "opera")), "https://example.com/chromium-extension"),
            to(when(b -> b.language = List.of("pt-br")), "https://example.com/pt-br"),
            to(when(b -> b.device = List.of("desktop")).withCountry(List.of("FR")), "https://example.com/fr-desktop"));

    static Stream<Arguments> visitors() {
        return Stream.of(
                // who (user agent, country, Accept-Language, query, when) → where they go, and why
                visitor("an iPhone from the newsletter", IPHONE, "US", "en-US", Map.of("ref", List.of("newsletter")), NOW,
                        "https://example.com/from-newsletter", "rule 1"),
                visitor("a desktop with ref among several values", WINDOWS_CHROME, "US", "en", Map.of("ref", List.of("x", "newsletter")),
                        NOW, "https://example.com/from-newsletter", "rule 1"),
                visitor("a query value that differs", IPHONE, "US", "en", Map.of("ref", List.of("Newsletter")), NOW,
                        "https://apps.apple.com/app/id1", "rule 3"),
                visitor("anyone during the sale", WINDOWS_CHROME, "US", "en", Map.of(), SALE_STARTS,
                        "https://example.com/holiday-sale", "rule 2"),
                visitor("the sale's end is exclusive", WINDOWS_CHROME, "US", "en", Map.of(), SALE_ENDS,
                        "https://example.com/link", null),
                visitor("an iPhone", IPHONE, "US", "en-US", Map.of(), NOW, "https://apps.apple.com/app/id1", "rule 3"),
                visitor("an iPad is iOS but a tablet", IPAD, "DE", "de-DE", Map.of(), NOW, "https://example.com/de", "rule 5"),
                visitor("an Android phone", ANDROID_PHONE, "DE", "de", Map.of(), NOW,
                        "https://play.google.com/store/apps/details?id=x", "rule 4"),
                visitor("an Android tablet", ANDROID_TABLET, "US", "en", Map.of(), NOW,
                        "https://play.google.com/store/apps/details?id=x", "rule 4"),
                visitor("Samsung Internet on Android", SAMSUNG, "KR", "ko", Map.of(), NOW,
                        "https://play.google.com/store/apps/details?id=x", "rule 4"),
                visitor("a German speaker in Austria", MAC_SAFARI, "AT", "de-AT,de;q=0.9,en;q=0.5", Map.of(), NOW,
                        "https://example.com/de", "rule 5"),
                visitor("an English speaker in Germany", MAC_SAFARI, "DE", "en-GB,de;q=0.8", Map.of(), NOW,
                        "https://example.com/link", null),
                visitor("the weightier language wins, not the first", MAC_FIREFOX, "CH", "en;q=0.3,de-CH;q=0.9", Map.of(), NOW,
                        "https://example.com/de", "rule 5"),
                visitor("German without a country", MAC_SAFARI, null, "de", Map.of(), NOW, "https://example.com/link", null),
                visitor("Edge on Windows", WINDOWS_EDGE, "US", "en", Map.of(), NOW, "https://example.com/chromium-extension", "rule 6"),
                visitor("Opera on Windows", OPERA, "US", "en", Map.of(), NOW, "https://example.com/chromium-extension", "rule 6"),
                visitor("Chrome on Windows is not Edge", WINDOWS_CHROME, "US", "en", Map.of(), NOW, "https://example.com/link", null),
                visitor("Brazilian Portuguese", WINDOWS_CHROME, "BR", "pt-BR,pt;q=0.9", Map.of(), NOW, "https://example.com/pt-br", "rule 7"),
                visitor("European Portuguese is not pt-br", WINDOWS_CHROME, "PT", "pt-PT", Map.of(), NOW, "https://example.com/link", null),
                visitor("a desktop in France", LINUX_FIREFOX, "FR", "fr", Map.of(), NOW, "https://example.com/fr-desktop", "rule 8"),
                visitor("a Chromebook in France", CHROMEBOOK, "FR", "fr", Map.of(), NOW, "https://example.com/fr-desktop", "rule 8"),
                visitor("no user agent in France", null, "FR", "fr", Map.of(), NOW, "https://example.com/link", null),
                visitor("no headers at all", null, null, null, Map.of(), NOW, "https://example.com/link", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visitors")
    void eachVisitorGetsTheUrlOfTheFirstRuleThatMatches(String who, String agent, String country, String language,
                                                        Map<String, List<String>> query, Instant at, String url, String servedBy) {
        RuleVisitor visitor = new RuleVisitor(agent, country, language, query, at, "0123456789abcdef0123456789abcdef");

        RuleTarget target = RuleEngine.choose("link-1", "https://example.com/link", RULES, visitor);

        assertThat(target).isEqualTo(new RuleTarget(url, servedBy));
    }

    @Test
    void aSplitSendsTenThousandVisitorsWithinTwoPercentOfItsWeightsAndEachAlwaysToTheSameVariant() {
        List<SplitVariant> variants = List.of(new SplitVariant("https://a.example", 50), new SplitVariant("https://b.example", 30),
                new SplitVariant("https://c.example", 20));
        List<RedirectRule> rules = List.of(RedirectRule.split(RuleConditions.ALWAYS, variants));
        VisitorHasher hasher = new VisitorHasher("a-visitor-hash-secret-of-some-length");
        LocalDate day = LocalDate.parse("2026-12-01");
        Map<String, Integer> visitors = new HashMap<>();

        for (int i = 0; i < 10_000; i++) {
            String ip = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            String hash = hasher.hash(ip, day);
            RuleTarget first = RuleEngine.choose("link-ab", "https://default.example", rules, visitor(hash));
            for (int again = 0; again < 3; again++) {
                assertThat(RuleEngine.choose("link-ab", "https://default.example", rules, visitor(hash)))
                        .as("visitor %s, visit %d", ip, again + 2).isEqualTo(first);
            }
            visitors.merge(first.url(), 1, Integer::sum);
        }

        assertThat(visitors.keySet()).containsExactlyInAnyOrder("https://a.example", "https://b.example", "https://c.example");
        for (SplitVariant variant : variants) {
            assertThat(visitors.get(variant.url()) / 100.0).as(variant.url()).isCloseTo(variant.weight(), within(2.0));
        }
    }

    @Test
    void splitVariantsAreNamedByLetterAndTwoLinksSplitTheSameVisitorIndependently() {
        List<RedirectRule> rules = List.of(RedirectRule.split(RuleConditions.ALWAYS,
                List.of(new SplitVariant("https://a.example", 50), new SplitVariant("https://b.example", 50))));
        int sameVariant = 0;
        for (int i = 0; i < 1000; i++) {
            String hash = String.format("%032x", i * 7919L);
            RuleTarget one = RuleEngine.choose("link-1", "https://x.example", rules, visitor(hash));
            RuleTarget two = RuleEngine.choose("link-2", "https://x.example", rules, visitor(hash));
            assertThat(one.servedBy()).isIn("rule 1 variant A", "rule 1 variant B");
            assertThat(one.servedBy().endsWith("A")).isEqualTo(one.url().equals("https://a.example"));
            sameVariant += one.url().equals(two.url()) ? 1 : 0;
        }
        // Independent 50/50 splits agree for about half the visitors, not for all of them.
        assertThat(sameVariant).isBetween(430, 570);
    }

    private static RuleVisitor visitor(String visitorHash) {
        return new RuleVisitor(MAC_SAFARI, "US", "en", Map.of(), NOW, visitorHash);
    }

    private static Arguments visitor(String who, String agent, String country, String language, Map<String, List<String>> query,
                                     Instant at, String url, String servedBy) {
        return Arguments.of(who, agent, country, language, query, at, url, servedBy);
    }

    private static RedirectRule to(Conditions c, String url) {
        return RedirectRule.to(new RuleConditions(c.device, c.os, c.browser, c.country, c.language, c.query, c.from, c.until), url);
    }

    /** Conditions built by setting only what a rule asks about. */
    private static Conditions when(Consumer<Conditions> set) {
        Conditions conditions = new Conditions();
        set.accept(conditions);
        return conditions;
    }

    private static final class Conditions {
        List<String> device;
        List<String> os;
        List<String> browser;
        List<String> country;
        List<String> language;
        Map<String, String> query;
        Instant from;
        Instant until;

        Conditions withUntil(Instant at) {
            until = at;
            return this;
        }

        Conditions withCountry(List<String> countries) {
            country = countries;
            return this;
        }
    }

}
