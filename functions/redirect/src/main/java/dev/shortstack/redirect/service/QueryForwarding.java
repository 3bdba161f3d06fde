package dev.shortstack.redirect.service;

import dev.shortstack.shared.http.FormEncoding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds a visit's query string to the URL a link sends it to, as Shlink does: a parameter the visit
 * carries replaces the target's parameter of the same name (so {@code ?utm_source=x} on the short
 * link overrides the link's own), the others are kept, none appears twice. Pairs are copied as they
 * were encoded; names are compared decoded. A fragment stays at the end.
 */
final class QueryForwarding {
    private QueryForwarding() {
    }

    static String merge(String target, String visitQuery) {
        List<String> visit = pairs(visitQuery);
        if (visit.isEmpty()) {
            return target;
        }
        int hash = target.indexOf('#');
        String fragment = hash < 0 ? "" : target.substring(hash);
        String withoutFragment = hash < 0 ? target : target.substring(0, hash);
        int question = withoutFragment.indexOf('?');
        String base = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
        List<String> own = question < 0 ? List.of() : pairs(withoutFragment.substring(question + 1));
        Set<String> overridden = new HashSet<>();
        visit.forEach(pair -> overridden.add(name(pair)));
        List<String> merged = new ArrayList<>();
        own.stream().filter(pair -> !overridden.contains(name(pair))).forEach(merged::add);
        Set<String> seen = new HashSet<>();
        visit.stream().filter(seen::add).forEach(merged::add);
        return base + "?" + String.join("&", merged) + fragment;
    }

    private static List<String> pairs(String query) {
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("=")) {
                pairs.add(pair);
            }
        }
        return pairs;
    }

    private static String name(String pair) {
        return FormEncoding.decode(pair.split("=", 2)[0]);
    }
}
