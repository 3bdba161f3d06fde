package dev.shortstack.redirect.service;

import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.click.ClickPublishException;
import dev.shortstack.shared.click.ClickPublisher;
import dev.shortstack.shared.click.VisitorHasher;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.domain.OrphanVisits;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.link.LinkKeys;
import dev.shortstack.shared.link.LinkReader;
import dev.shortstack.shared.link.LinkState;
import dev.shortstack.shared.link.PasswordAttempts;
import dev.shortstack.shared.link.PasswordHash;
import dev.shortstack.shared.link.VisitCounter;
import dev.shortstack.shared.rules.RuleEngine;
import dev.shortstack.shared.rules.RuleTarget;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Resolves a slug for a visitor: looks the link up, enforces expiry, disabling and visit limits, picks
 * the URL by the link's targeting rules (from the cached link: no further read), and hands a click
 * event to analytics before the redirect is answered.
 */
public final class RedirectService {
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_HEADER_CHARS = 1024;

    private final LinkReader links;
    private final VisitCounter visits;
    private final ClickPublisher clicks;
    private final VisitorHasher visitors;
    private final ClickReplayLog replayLog;
    private final PasswordAttempts attempts;

    public RedirectService(LinkReader links, VisitCounter visits, ClickPublisher clicks, VisitorHasher visitors,
                           ClickReplayLog replayLog, PasswordAttempts attempts) {
        this.links = links;
        this.visits = visits;
        this.clicks = clicks;
        this.visitors = visitors;
        this.replayLog = replayLog;
        this.attempts = attempts;
    }

    /** @param domain the short domain visited, null for the default one */
    public RedirectOutcome visit(String domain, String slug, Visit visit) {
        Link link = find(domain, slug);
        if (link == null) {
            return new RedirectOutcome.NotFound(slug);
        }
        RedirectOutcome unavailable = unavailable(link, visit);
        if (unavailable != null) {
            return unavailable;
        }
        if (link.isPasswordProtected()) {
            // The form first; a visit is only taken once the password is right.
            return link.hasVisitLimit() && visits.used(link.linkId()) >= link.maxVisits()
                    ? gone(link, "visit limit reached") : new RedirectOutcome.PasswordRequired(link);
        }
        return follow(link, visit, visitorHash(visit));
    }

    /**
     * A visitor's password for a protected link: an attempt is reserved before the (slow) check and given
     * back when the password is right, so only wrong ones count against the visitor's allowance.
     */
    public RedirectOutcome unlock(String domain, String slug, Visit visit, String password) {
        Link link = find(domain, slug);
        if (link == null) {
            return new RedirectOutcome.NotFound(slug);
        }
        RedirectOutcome unavailable = unavailable(link, visit);
        if (unavailable != null) {
            return unavailable;
        }
        if (!link.isPasswordProtected()) {
            return new RedirectOutcome.NotProtected(link);
        }
        String visitorHash = visitorHash(visit);
        String visitor = visitorHash == null ? "no-ip" : visitorHash;
        OptionalInt used = attempts.reserve(link.linkId(), visitor, visit.at());
        if (used.isEmpty()) {
            return new RedirectOutcome.TooManyAttempts(link, PasswordAttempts.secondsLeft(visit.at()));
        }
        if (password == null || !PasswordHash.matches(password, link.passwordHash())) {
            return new RedirectOutcome.WrongPassword(link, PasswordAttempts.MAX_WRONG - used.getAsInt());
        }
        attempts.release(link.linkId(), visitor, visit.at());
        return follow(link, visit, visitorHash);
    }

    /** Whether a path segment could be a slug (else a visit to it is a plain 404, not an unknown short link). */
    public static boolean isSlugShaped(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    private Link find(String domain, String slug) {
        return isSlugShaped(slug) ? links.find(LinkKeys.of(domain, slug)).orElse(null) : null;
    }

    /** Expired or disabled: where such visits go; null for an active link. */
    private static RedirectOutcome unavailable(Link link, Visit visit) {
        LinkState state = link.stateAt(visit.at());
        return state == LinkState.ACTIVE ? null : gone(link, state == LinkState.EXPIRED ? "expired" : "disabled");
    }

    /** The visit counts: it takes one of a limited link's visits, its rules pick the URL, its click is recorded. */
    private RedirectOutcome follow(Link link, Visit visit, String visitorHash) {
        if (link.hasVisitLimit() && !withinLimit(link, visit)) {
            return gone(link, "visit limit reached");
        }
        RuleTarget target = link.hasRules()
                ? RuleEngine.choose(link.linkId(), link.url(), link.rules(), visit.forRules(visitorHash))
                : new RuleTarget(link.url(), null);
        record(link, visit, visitorHash, target);
        return new RedirectOutcome.Redirect(link, link.forwardQuery() ? QueryForwarding.merge(target.url(), visit.rawQuery()) : target.url());
    }

    private String visitorHash(Visit visit) {
        return visitors.hash(visit.clientIp(), visit.at().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /** A gone link's visitors go to its fallback URL when it names one, else they get the 410 page. */
    private static RedirectOutcome gone(Link link, String reason) {
        return link.fallbackUrl() != null ? new RedirectOutcome.Fallback(link, reason) : new RedirectOutcome.Gone(link.slug(), reason);
    }

    /** A visit that counts takes one of the link's visits; a preview (HEAD) only looks whether one is left. */
    private boolean withinLimit(Link link, Visit visit) {
        return visit.countsTowardsLimit() ? visits.tryConsume(link) : visits.used(link.linkId()) < link.maxVisits();
    }

    /**
     * A visit that found no link, on a domain with an owner: archived as the owner's orphan visit ({@link OrphanVisits}),
     * through the same queue as clicks (and the same replay log when it refuses).
     *
     * @param domain the domain visited (null: the default one); @param status what the visitor was answered
     */
    public void recordOrphan(String domain, String owner, OrphanVisits.Kind kind, String path, Visit visit, int status) {
        publish(new ClickEvent(
                ClickEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                OrphanVisits.clippedPath(path),
                OrphanVisits.linkIdOf(kind, ShortDomains.settingsKey(domain)),
                OrphanVisits.workspaceOf(owner),
                visit.at().toString(),
                visit.method(),
                status,
                clip(visit.userAgent()),
                clip(visit.referrer()),
                clip(visit.acceptLanguage()),
                visit.country(),
                visitorHash(visit),
                null));
    }

    /** Never fails the redirect: an event the queue refuses goes to the replay log instead. */
    private void record(Link link, Visit visit, String visitorHash, RuleTarget target) {
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
                visitorHash,
                target.servedBy());
        publish(event);
    }

    private void publish(ClickEvent event) {
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
