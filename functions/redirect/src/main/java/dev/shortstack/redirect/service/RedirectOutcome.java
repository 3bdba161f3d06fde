package dev.shortstack.redirect.service;

import dev.shortstack.shared.link.Link;

/** What a visit to a slug comes to. */
public sealed interface RedirectOutcome {
    /** Follow the link to {@code location}: its own URL, or the one its targeting rules chose for this visitor. */
    record Redirect(Link link, String location) implements RedirectOutcome {
    }

    record NotFound(String slug) implements RedirectOutcome {
    }

    /** The link exists but must not be followed: expired, disabled or out of visits. */
    record Gone(String slug, String reason) implements RedirectOutcome {
    }

    /** The link has a password: the visitor gets the form, nothing is counted. */
    record PasswordRequired(Link link) implements RedirectOutcome {
    }

    /** A password was sent for a link that has none. */
    record NotProtected(Link link) implements RedirectOutcome {
    }

    record WrongPassword(Link link, int attemptsLeft) implements RedirectOutcome {
    }

    record TooManyAttempts(Link link, long retryAfterSeconds) implements RedirectOutcome {
    }

    /** The link is gone (as {@link Gone}) and names where such visits go instead: not a click of the link. */
    record Fallback(Link link, String reason) implements RedirectOutcome {
    }
}
