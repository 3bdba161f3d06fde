package dev.shortstack.links.domains;

import java.util.Optional;

/**
 * A validated change to a domain; a null field is left as it is, an empty Optional clears it (back to the built-in page).
 *
 * @param makeDefault true to make the domain the workspace's default for new links (false is refused: choose another instead)
 */
public record DomainPatch(Optional<String> rootUrl, Optional<String> notFoundUrl, Boolean makeDefault) {

    public boolean changesSettings() {
        return rootUrl != null || notFoundUrl != null;
    }
}
