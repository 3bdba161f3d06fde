package dev.shortstack.links.links;

import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkReader;
import java.util.List;
import java.util.function.Predicate;

/** All the links API needs of the links table. */
public interface LinkStore extends LinkReader {

    /** Writes a new link; @return false if the slug is taken (nothing is written then). */
    boolean create(Link link);

    /** Replaces a link if it still has {@code expectedVersion}; @return false otherwise. */
    boolean replace(Link updated, long expectedVersion);

    /**
     * Deletes a link, and its visit counter with it, if it still has {@code expectedVersion}.
     *
     * @return false if the link changed or vanished meanwhile (nothing is deleted then)
     */
    boolean delete(Link link, long expectedVersion);

    /**
     * One page of a workspace's links, newest first.
     *
     * @param beforeCreatedKey only links sorting strictly after this position (null: from the newest)
     * @param tag              only links carrying this tag (null: all)
     * @param search           only links whose slug or URL contains this text, case-sensitively (null: all)
     */
    List<Link> listByWorkspace(String workspaceId, String tag, String search, String beforeCreatedKey, int limit);

    /**
     * Every link of a workspace sorting strictly after {@code beforeCreatedKey} (null: from the newest), newest first,
     * handed to {@code action} until it answers false or none is left; each link is read once (an export's walk).
     */
    void forEachByWorkspace(String workspaceId, String beforeCreatedKey, Predicate<Link> action);
}
