package dev.shortstack.shared.link;

import java.util.Optional;

/** Reads one link by slug: all the redirect function needs of the links table. */
public interface LinkReader {
    Optional<Link> find(String slug);
}
