package dev.shortstack.links.links;

import dev.shortstack.shared.link.Link;
import java.util.List;

/** @param nextCursor null on the last page */
public record LinkPage(List<Link> links, String nextCursor) {
}
