package dev.shortstack.links.compat.dub;

import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkKeys;

/**
 * A link's id in Dub's shapes, used in paths ({@code /dub/links/{linkId}}): the slug on the default domain (as before
 * there were domains), {@code host:slug} on another; neither a host nor a slug contains a colon.
 */
public final class DubIds {
    private DubIds() {
    }

    public static String of(Link link) {
        return link.domain() == null ? link.slug() : link.domain() + ":" + link.slug();
    }

    /** The links table key of an id. */
    public static String key(String id) {
        int colon = id.lastIndexOf(':');
        return colon < 0 ? id : LinkKeys.of(id.substring(0, colon), id.substring(colon + 1));
    }
}
