package dev.shortstack.redirect.service;

import dev.shortstack.shared.link.Link;

/** What a visit to a slug comes to. */
public sealed interface RedirectOutcome {
    record Redirect(Link link) implements RedirectOutcome {
    }

    record NotFound(String slug) implements RedirectOutcome {
    }

    /** The link exists but must not be followed: expired, disabled or out of visits. */
    record Gone(String slug, String reason) implements RedirectOutcome {
    }

    /** The link is gone (as {@link Gone}) and names where such visits go instead: not a click of the link. */
    record Fallback(Link link, String reason) implements RedirectOutcome {
    }
}
