package dev.shortstack.links.links;

import dev.shortstack.links.auth.Caller;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkItems;
import dev.shortstack.shared.link.LinkKeys;
import dev.shortstack.shared.link.VisitCounter;
import dev.shortstack.shared.paging.Page;
import dev.shortstack.shared.paging.PageRequest;
import dev.shortstack.shared.webhooks.WebhookEventType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creating, reading, editing, deleting and listing a workspace's links. */
public final class LinkService {
    private static final int WALK_PAGE = 500;
    /** Random slugs collide about once in 10^12 draws; this many tries means something is wrong. */
    private static final int RANDOM_SLUG_ATTEMPTS = 5;

    private final LinkStore store;
    private final VisitCounter visits;
    private final SlugGenerator slugs;
    private final Clock clock;
    private final LinkEvents events;
    private final LinkDomains domains;

    /** Links on the default domain only (whose name, for a service that never shows short URLs, does not matter). */
    public LinkService(LinkStore store, VisitCounter visits, SlugGenerator slugs, Clock clock) {
        this(store, visits, slugs, clock, LinkEvents.NONE, LinkDomains.defaultOnly("https://default.invalid"));
    }

    /**
     * @param events  told of each link created, edited or deleted by {@link #create}, {@link #update} and {@link #delete}
     * @param domains which short domains new links may go to
     */
    public LinkService(LinkStore store, VisitCounter visits, SlugGenerator slugs, Clock clock, LinkEvents events, LinkDomains domains) {
        this.store = store;
        this.visits = visits;
        this.slugs = slugs;
        this.clock = clock;
        this.events = events;
        this.domains = domains;
    }

    public LinkDomains domains() {
        return domains;
    }

    public Link create(Caller caller, NewLink request) {
        Instant now = clock.instant();
        String domain = domains.forNewLink(caller, request.domain(), "domain");
        if (request.slug() != null) {
            Link link = newLink(caller, request, request.slug(), domain, now);
            if (!store.create(link)) {
                throw new ApiProblem(ProblemType.SLUG_TAKEN, "The slug '" + request.slug() + "' is already taken"
                        + (domain == null ? "." : " on " + domain + "."));
            }
            events.changed(WebhookEventType.LINK_CREATED, link);
            return link;
        }
        for (int attempt = 0; attempt < RANDOM_SLUG_ATTEMPTS; attempt++) {
            Link link = newLink(caller, request, slugs.next(), domain, now);
            if (store.create(link)) {
                events.changed(WebhookEventType.LINK_CREATED, link);
                return link;
            }
        }
        throw new IllegalStateException("No free random slug after " + RANDOM_SLUG_ATTEMPTS + " attempts");
    }

    /**
     * Creates a link for one import row, idempotently: the link id and any random slug derive
     * from {@code origin} (job and line), so a row processed again (a redelivered chunk) finds its
     * own link instead of making a second one or reporting its slug as taken.
     *
     * @return the link, new or made by an earlier delivery of the same row
     * @throws ApiProblem {@link ProblemType#SLUG_TAKEN} when another link has the row's slug
     */
    public Link createImported(Caller caller, NewLink request, boolean disabled, String origin) {
        Instant now = clock.instant();
        String linkId = importedLinkId(origin);
        String domain = domains.forNewLink(caller, request.domain(), "domain");
        if (request.slug() != null) {
            return createOrFindOwn(caller, request, request.slug(), domain, linkId, disabled, now)
                    .orElseThrow(() -> new ApiProblem(ProblemType.SLUG_TAKEN, "The slug '" + request.slug() + "' is already taken."));
        }
        for (int attempt = 0; attempt < RANDOM_SLUG_ATTEMPTS; attempt++) {
            Optional<Link> link = createOrFindOwn(caller, request, slugs.derived(origin + "#" + attempt), domain, linkId, disabled, now);
            if (link.isPresent()) {
                return link.get();
            }
        }
        throw new IllegalStateException("No free derived slug after " + RANDOM_SLUG_ATTEMPTS + " attempts");
    }

    /**
     * The link an import row was given under a derived slug by an earlier delivery of its chunk, if any, so
     * that a row renamed before a crash stays renamed even when its own slug has been freed meanwhile. Only
     * the first derived slug is looked at: a second one is drawn only after a collision (1 in 55^7).
     */
    public Optional<Link> importedUnderDerivedSlug(Caller caller, String requestedHost, String origin) {
        String linkId = importedLinkId(origin);
        String domain = domains.forNewLink(caller, requestedHost, "domain");
        return store.find(LinkKeys.of(domain, slugs.derived(origin + "#0"))).filter(link -> link.linkId().equals(linkId));
    }

    private static String importedLinkId(String origin) {
        return UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Optional<Link> createOrFindOwn(Caller caller, NewLink request, String slug, String domain, String linkId, boolean disabled,
                                           Instant now) {
        Link link = new Link(slug, linkId, caller.workspaceId(), request.url(), request.redirectType(), now, now,
                request.expiresAt(), request.maxVisits(), request.tags(), disabled, 1, caller.keyId(), request.title(), request.description(),
                request.fallbackUrl(), request.rules(), request.forwardQuery(), request.passwordHash(), request.preview(), domain);
        if (store.create(link)) {
            return Optional.of(link);
        }
        return store.find(link.key()).filter(existing -> existing.linkId().equals(linkId));
    }

    /** @param key the link's key: its slug on the default domain, {@code host/slug} on another ({@link LinkDomains#key}) */
    public Link get(Caller caller, String key) {
        return store.find(key)
                .filter(link -> link.workspaceId().equals(caller.workspaceId()))
                .orElseThrow(() -> notFound(key));
    }

    /** Visits used so far, for links that have a limit. */
    public OptionalLong visitsUsed(Link link) {
        return link.hasVisitLimit() ? OptionalLong.of(visits.used(link.linkId())) : OptionalLong.empty();
    }

    /** Visits used so far by each link of a page that has a limit (by link id), read together. */
    public Map<String, Long> visitsUsed(List<Link> links) {
        List<String> limited = links.stream().filter(Link::hasVisitLimit).map(Link::linkId).toList();
        return limited.isEmpty() ? Map.of() : visits.used(limited);
    }

    /**
     * Applies an edit if the link is still at a version the client names ({@code ifMatch}: the
     * versions of its If-Match list), or at whatever version it has now when the client sent
     * {@code If-Match: *}.
     */
    public Link update(Caller caller, String key, Optional<Set<Long>> ifMatch, LinkPatch patch) {
        Link current = get(caller, key);
        checkVersion(current, ifMatch);
        Link updated = applyPatch(current, patch, clock.instant());
        if (!store.replace(updated, current.version())) {
            throw conflict(ifMatch);
        }
        events.changed(WebhookEventType.LINK_UPDATED, updated);
        return updated;
    }

    public void delete(Caller caller, String key, Optional<Set<Long>> ifMatch) {
        Link current = get(caller, key);
        checkVersion(current, ifMatch);
        if (!store.delete(current, current.version())) {
            throw conflict(ifMatch);
        }
        events.changed(WebhookEventType.LINK_DELETED, current);
    }

    /** A page of the workspace's links, newest first; the cursor is bound to the tag filter. */
    public Page<Link> list(Caller caller, String tag, String search, PageRequest page) {
        List<Link> fetched = store.listByWorkspace(caller.workspaceId(), tag, search, page.after(tag), page.limit() + 1);
        return Page.cut(fetched, page.limit(), link -> LinkItems.createdKey(link.createdAt(), link.key()), tag);
    }

    /**
     * Every link of the workspace (with the tag, matching the search), newest first, for the
     * compatibility APIs whose lists count and sort what they page; refused past {@code max}.
     */
    public List<Link> all(Caller caller, String tag, String search, int max) {
        return Page.walk(WALK_PAGE, max, page -> list(caller, tag, search, page));
    }

    private static Link newLink(Caller caller, NewLink request, String slug, String domain, Instant now) {
        return new Link(slug, UUID.randomUUID().toString(), caller.workspaceId(), request.url(), request.redirectType(),
                now, now, request.expiresAt(), request.maxVisits(), request.tags(), false, 1, caller.keyId(), request.title(),
                request.description(), request.fallbackUrl(), request.rules(), request.forwardQuery(), request.passwordHash(),
                request.preview(), domain);
    }

    private static Link applyPatch(Link link, LinkPatch patch, Instant now) {
        return new Link(
                link.slug(),
                link.linkId(),
                link.workspaceId(),
                withUtm(patch.url() != null ? patch.url() : link.url(), patch),
                patch.redirectType() != null ? patch.redirectType() : link.redirectType(),
                link.createdAt(),
                now,
                patch.expiresAt() != null ? patch.expiresAt().value() : link.expiresAt(),
                patch.maxVisits() != null ? patch.maxVisits().value() : link.maxVisits(),
                patch.tags() != null ? patch.tags() : link.tags(),
                patch.disabled() != null ? patch.disabled() : link.disabled(),
                link.version() + 1,
                link.createdBy(),
                patch.title() != null ? patch.title().value() : link.title(),
                patch.description() != null ? patch.description().value() : link.description(),
                patch.fallbackUrl() != null ? patch.fallbackUrl().value() : link.fallbackUrl(),
                patch.rules() != null ? patch.rules() : link.rules(),
                patch.forwardQuery() != null ? patch.forwardQuery() : link.forwardQuery(),
                patch.passwordHash() != null ? patch.passwordHash().value() : link.passwordHash(),
                patch.preview() != null ? patch.preview().value() : link.preview(),
                link.domain());
    }

    private static String withUtm(String url, LinkPatch patch) {
        return patch.utm() == null ? url : UtmParameters.compose(url, patch.utm());
    }

    private static void checkVersion(Link current, Optional<Set<Long>> ifMatch) {
        if (ifMatch.isPresent() && !ifMatch.get().contains(current.version())) {
            String named = ifMatch.get().isEmpty() ? "a weak ETag, which never matches an edit's strong comparison"
                    : ifMatch.get().stream().sorted().map(String::valueOf).collect(Collectors.joining(" or "));
            throw new ApiProblem(ProblemType.PRECONDITION_FAILED, "The link is at version " + current.version()
                    + ", not " + named + "; read it again and re-apply your change.");
        }
    }

    private static ApiProblem conflict(Optional<Set<Long>> ifMatch) {
        return ifMatch.isPresent()
                ? new ApiProblem(ProblemType.PRECONDITION_FAILED, "The link changed while your edit was applied; read it again.")
                : new ApiProblem(ProblemType.EDIT_CONFLICT, "The link changed while your edit was applied; retry.");
    }

    private static ApiProblem notFound(String key) {
        return new ApiProblem(ProblemType.NOT_FOUND, "No link '" + key + "' in this workspace.");
    }
}
