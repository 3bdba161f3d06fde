package dev.shortstack.redirect.service;

import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.click.ClickPublishException;
import dev.shortstack.shared.click.ClickPublisher;
import dev.shortstack.shared.click.VisitorHasher;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkReader;
import dev.shortstack.shared.link.LinkState;
import dev.shortstack.shared.link.VisitCounter;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Resolves a slug for a visitor: looks the link up, enforces expiry, disabling and visit limits,
 * and hands a click event to analytics before the redirect is answered.
 */
public final class RedirectService {
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_HEADER_CHARS = 1024;

    private final LinkReader links;
    private final VisitCounter visits;
    private final ClickPublisher clicks;
    private final VisitorHasher visitors;
    private final ClickReplayLog replayLog;

    public RedirectService(LinkReader links, VisitCounter visits, ClickPublisher clicks, VisitorHasher visitors,
                           ClickReplayLog replayLog) {
        this.links = links;
        this.visits = visits;
        this.clicks = clicks;
        this.visitors = visitors;
        this.replayLog = replayLog;
    }

    public RedirectOutcome visit(String slug, Visit visit) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return new RedirectOutcome.NotFound(slug);
        }
        Link link = links.find(slug).orElse(null);
        if (link == null) {
            return new RedirectOutcome.NotFound(slug);
        }
        LinkState state = link.stateAt(visit.at());
        if (state != LinkState.ACTIVE) {
            return gone(link, state == LinkState.EXPIRED ? "expired" : "disabled");
        }
        if (link.hasVisitLimit() && !withinLimit(link, visit)) {
            return gone(link, "visit limit reached");
        }
        record(link, visit);
        return new RedirectOutcome.Redirect(link);
    }

    /** A gone link's visitors go to its fallback URL when it names one, else they get the 410 page. */
    private static RedirectOutcome gone(Link link, String reason) {
        return link.fallbackUrl() != null ? new RedirectOutcome.Fallback(link, reason) : new RedirectOutcome.Gone(link.slug(), reason);
    }

    /** A visit that counts takes one of the link's visits; a preview (HEAD) only looks whether one is left. */
    private boolean withinLimit(Link link, Visit visit) {
        return visit.countsTowardsLimit() ? visits.tryConsume(link) : visits.used(link.linkId()) < link.maxVisits();
    }

    /** Never fails the redirect: an event the queue refuses goes to the replay log instead. */
    private void record(Link link, Visit visit) {
        ClickEvent event = new ClickEvent(
                ClickEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                link.slug(),
                link.linkId(),
                link.workspaceId(),
                visit.at().toString(),
                visit.method(),
                link.redirectType(),
                clip(visit.userAgent()),
                clip(visit.referrer()),
                clip(visit.acceptLanguage()),
                visit.country(),
                visitors.hash(visit.clientIp(), visit.at().atOffset(ZoneOffset.UTC).toLocalDate()));
        MDC.put("clickId", event.clickId());
        try {
            clicks.publish(event);
        } catch (ClickPublishException e) {
            replayLog.write(event, e);
        }
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_HEADER_CHARS ? value : value.substring(0, MAX_HEADER_CHARS);
    }
}
