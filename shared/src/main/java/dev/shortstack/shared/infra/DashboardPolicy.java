package dev.shortstack.shared.infra;

import java.util.List;

/**
 * The dashboard's Content-Security-Policy, one definition for CloudFront's {@code /app/*} behaviour
 * and the local runner: its own scripts and styles only (no inline script, style or eval), calls to
 * its own origin (the API is under the same one) and to the job-files bucket's upload origin, never
 * framed, no plugins, no base or form targets.
 */
public final class DashboardPolicy {
    private DashboardPolicy() {
    }

    /** @param uploadOrigins where presigned import uploads go, e.g. {@code https://<bucket>.s3.<region>.amazonaws.com} */
    public static String contentSecurityPolicy(List<String> uploadOrigins) {
        String connect = uploadOrigins.isEmpty() ? "'self'" : "'self' " + String.join(" ", uploadOrigins);
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                // QR codes are drawn as data: images; downloads are blob: links.
                "img-src 'self' data: blob:",
                "font-src 'self'",
                "connect-src " + connect,
                "manifest-src 'self'",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'",
                "object-src 'none'");
    }
}
