package dev.shortstack.analytics.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.stats.Dimension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClickClassifierTest {
    private static final ClickClassifier CLASSIFIER = new ClickClassifier();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)                                   | Slackbot",
            "Twitterbot/1.0                                                                                | Twitterbot",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)                      | facebookexternalhit",
            "WhatsApp/2.23.20.0 A                                                                          | WhatsApp",
            "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)                             | Discordbot",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)                      | Googlebot",
            "curl/8.5.0                                                                                    | curl",
            "python-requests/2.31.0                                                                        | python-requests",
            "Mozilla/5.0 (compatible; SomeNewCrawler/1.0; +https://example.com/crawler)                    | other bot"})
    void botsAndLinkPreviewsAreBotsWithTheirName(String agent, String name) {
        Classification c = CLASSIFIER.classify(click("GET", agent, null, null, null));

        assertThat(c.bot()).isTrue();
        assertThat(c.dimensions()).containsOnlyKeys(Dimension.BOT);
        assertThat(c.dimensions().get(Dimension.BOT)).isIn(name, "SomeNewCrawler");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | mobile | iOS | Mobile Safari",
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | tablet | iOS | Mobile Safari",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 | mobile | Android | Chrome Mobile",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 | desktop | Windows | Chrome",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0 | desktop | Mac OS X | Firefox"})
    void browsersAreHumansWithDeviceOsAndBrowser(String agent, String device, String os, String browser) {
        Classification c = CLASSIFIER.classify(click("GET", agent, "https://www.News.example/a?b=c", "de-DE,de;q=0.9,en;q=0.5", "de"));

        assertThat(c.bot()).isFalse();
        assertThat(c.dimensions()).containsEntry(Dimension.DEVICE, device).containsEntry(Dimension.OS, os)
                .containsEntry(Dimension.BROWSER, browser).containsEntry(Dimension.COUNTRY, "DE")
                .containsEntry(Dimension.REFERRER, "news.example").containsEntry(Dimension.LANGUAGE, "de")
                .doesNotContainKey(Dimension.BOT);
    }

    @ParameterizedTest
    @CsvSource({"HEAD, HEAD request", "GET, no user agent"})
    void headRequestsAndMissingAgentsAreBots(String method, String name) {
        Classification c = CLASSIFIER.classify(click(method, method.equals("HEAD") ? "Mozilla/5.0 (Windows NT 10.0) Chrome/126.0" : "", null, null, null));

        assertThat(c.bot()).isTrue();
        assertThat(c.dimensions().get(Dimension.BOT)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, (direct)", "'', (direct)", "not a url, (unknown)", "https://WWW.Example.COM/x, example.com", "android-app://com.slack/, com.slack"})
    void referrersAreReducedToTheirHost(String referrer, String host) {
        assertThat(ClickClassifier.referrerHost(referrer)).isEqualTo(host);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, (unknown)", "'*', (unknown)", "'en-US,en;q=0.9', en", "pt_BR, pt", "FIL, fil"})
    void languagesAreTheirPrimaryTag(String header, String language) {
        assertThat(ClickClassifier.language(header)).isEqualTo(language);
    }

    private static ClickEvent click(String method, String agent, String referrer, String language, String country) {
        return new ClickEvent(1, "c", "s", "l", "w", "2026-11-27T10:00:00Z", method, 302, agent, referrer, language, country, "v");
    }
}
