package dev.shortstack.shared.rules;

import java.util.List;
import java.util.Set;

/**
 * The coarse device, OS and browser families targeting rules match on, read from the user agent by
 * a handful of token checks. Rules need these few families (not uap's thousands of names) and must
 * be answered inside the redirect, so this is a small matcher rather than a regex database. Order
 * matters: Edge, Opera and Samsung Internet also announce Chrome and Safari.
 */
public record AgentFamilies(String device, String os, String browser) {
    public static final Set<String> DEVICES = Set.of("mobile", "tablet", "desktop");
    public static final Set<String> OSES = Set.of("ios", "android", "windows", "macos", "linux", "chromeos");
    public static final Set<String> BROWSERS = Set.of("chrome", "safari", "firefox", "edge", "opera", "samsung");
    /** For a family the agent does not reveal: matches no condition value. */
    public static final String OTHER = "other";

    private static final List<String[]> OS_TOKENS = List.of(
            new String[] {"ios", "iPhone", "iPad", "iPod"},
            new String[] {"android", "Android"},
            new String[] {"chromeos", "CrOS"},
            new String[] {"windows", "Windows"},
            new String[] {"macos", "Macintosh", "Mac OS X"},
            new String[] {"linux", "Linux", "X11"});
    private static final List<String[]> BROWSER_TOKENS = List.of(
            new String[] {"edge", "Edg/", "EdgA/", "EdgiOS/", "Edge/"},
            new String[] {"opera", "OPR/", "OPT/", "Opera"},
            new String[] {"samsung", "SamsungBrowser/"},
            new String[] {"firefox", "Firefox/", "FxiOS/"},
            new String[] {"chrome", "Chrome/", "CriOS/", "Chromium/"},
            new String[] {"safari", "Safari/"});

    public static AgentFamilies of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new AgentFamilies(OTHER, OTHER, OTHER);
        }
        String os = first(OS_TOKENS, userAgent);
        return new AgentFamilies(device(userAgent, os), os, first(BROWSER_TOKENS, userAgent));
    }

    private static String device(String agent, String os) {
        if (agent.contains("iPad") || agent.contains("Tablet") || os.equals("android") && !agent.contains("Mobile")) {
            return "tablet";
        }
        if (agent.contains("Mobile") || os.equals("ios") || os.equals("android")) {
            return "mobile";
        }
        return os.equals(OTHER) ? OTHER : "desktop";
    }

    private static String first(List<String[]> families, String agent) {
        for (String[] family : families) {
            for (int i = 1; i < family.length; i++) {
                if (agent.contains(family[i])) {
                    return family[0];
                }
            }
        }
        return OTHER;
    }
}
