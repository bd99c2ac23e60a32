package org.picbed.image.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The origins remote sources may come from ({@code PICBED_SOURCE_ALLOW}: comma-separated
 * {@code scheme://host[:port]}, {@code scheme://*.domain} for its subdomains); empty: remote sources are off.
 * A URL is checked before anything connects; the fetcher then checks every address as for any fetch.
 */
public final class SourceOrigins {

    private record Origin(String scheme, String host, boolean subdomains, int port) {
    }

    private final List<Origin> allowed;

    private SourceOrigins(List<Origin> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** @throws IllegalArgumentException for an entry that is not {@code http(s)://host[:port]} */
    public static SourceOrigins of(String list) {
        List<Origin> origins = new ArrayList<>();
        if (list != null) {
            for (String raw : list.split(",")) {
                String entry = raw.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                boolean wildcard = entry.contains("://*.");
                URI uri = URI.create(wildcard ? entry.replace("://*.", "://") : entry);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                        || uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
                    throw new IllegalArgumentException("PICBED_SOURCE_ALLOW: '" + entry + "' is not http(s)://host[:port]");
                }
                origins.add(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), wildcard, port(uri)));
            }
        }
        return new SourceOrigins(origins);
    }

    public boolean isOff() {
        return allowed.isEmpty();
    }

    /** Whether the URL's scheme, host and port are an allowed origin (no user info). */
    public boolean allows(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return false;
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getScheme() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = port(uri);
        for (Origin o : allowed) {
            boolean hostMatches = o.subdomains ? host.endsWith("." + o.host) : host.equals(o.host);
            if (o.scheme.equals(scheme) && hostMatches && o.port == port) {
                return true;
            }
        }
        return false;
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
