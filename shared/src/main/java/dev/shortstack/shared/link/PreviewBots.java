package dev.shortstack.shared.link;

import java.util.List;

/**
 * The agents that fetch a link to draw its preview card in a chat or a feed. They read the Open
 * Graph tags of the page they get, so a link with a {@link SocialPreview} answers them with one;
 * crawlers and scripts are not among them and follow the redirect like everyone else.
 */
public final class PreviewBots {
    private static final List<String> AGENTS = List.of("Slackbot-LinkExpanding", "Slack-ImgProxy", "Twitterbot", "facebookexternalhit",
            "Facebot", "LinkedInBot", "Discordbot", "WhatsApp", "TelegramBot", "SkypeUriPreview", "redditbot", "Pinterestbot",
            "Embedly", "Iframely", "Mastodon", "Bluesky Cardyb", "vkShare", "Viber", "Snapchat", "Google-PageRenderer");

    private PreviewBots() {
    }

    public static boolean matches(String userAgent) {
        if (userAgent == null) {
            return false;
        }
        for (String agent : AGENTS) {
            if (userAgent.contains(agent)) {
                return true;
            }
        }
        return false;
    }
}
