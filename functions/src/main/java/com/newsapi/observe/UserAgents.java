package com.newsapi.observe;

import java.util.Locale;

/** A coarse family of a client's User-Agent, so logs can be grouped by client without holding the string itself. */
public final class UserAgents {

    private UserAgents() {
    }

    /** One of: none, okhttp, dart, ios, android, curl, browser, other. */
    public static String family(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "none";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.startsWith("okhttp")) {
            return "okhttp";
        }
        if (ua.startsWith("dart")) {
            return "dart";
        }
        if (ua.contains("cfnetwork") || ua.contains("darwin")) {
            return "ios";
        }
        if (ua.startsWith("dalvik") || (ua.contains("android") && !ua.startsWith("mozilla"))) {
            return "android";
        }
        if (ua.startsWith("curl")) {
            return "curl";
        }
        if (ua.startsWith("mozilla")) {
            return "browser";
        }
        return "other";
    }
}
