package org.picbed.site;

import org.picbed.config.Settings;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * This site and its peers. {@code PICBED_SITE} (default {@code local}); {@code PICBED_PEERS}: comma-separated
 * {@code name=url[|url...]}, e.g. {@code sh=http://10.1.0.5:8080|http://10.1.0.6:8080}; {@code PICBED_SITE_SECRET}
 * authenticates the sites to each other's internal endpoint; {@code PICBED_FALLBACK_NEGATIVE_SECONDS} is how long
 * an id no peer has is answered 404 without asking again; {@code PICBED_PEER_TIMEOUT_MS} bounds a peer call.
 */
public record SiteSettings(String site, List<Peer> peers, Optional<String> secret, Duration negativeTtl,
                           Duration peerTimeout, Duration lagWarning) {

    public static final Pattern NAME = Settings.SITE_NAME;

    public SiteSettings {
        peers = List.copyOf(peers);
    }

    public static SiteSettings from(Settings settings) {
        String site = settings.site();
        List<Peer> peers = parsePeers(settings.get("peers", ""), site);
        Optional<String> secret = settings.get("site.secret").filter(s -> !s.isBlank());
        if (!peers.isEmpty() && secret.isEmpty()) {
            throw new IllegalArgumentException("PICBED_PEERS is set: PICBED_SITE_SECRET must be set too (the same at every site)");
        }
        return new SiteSettings(site, peers, secret,
                Duration.ofSeconds(settings.getLong("fallback.negative.seconds", 30)),
                Duration.ofMillis(settings.getLong("peer.timeout.ms", 10_000)),
                Duration.ofSeconds(settings.getLong("replication.lag.warning.seconds", 60)));
    }

    static List<Peer> parsePeers(String spec, String self) {
        List<Peer> peers = new ArrayList<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).trim();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("PICBED_PEERS: '" + entry.trim() + "' is not name=url[|url...]");
            }
            if (name.equals(self) || peers.stream().anyMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("PICBED_PEERS: site '" + name + "' is this site or listed twice");
            }
            List<URI> urls = Arrays.stream(entry.substring(eq + 1).split("\\|")).map(String::trim).filter(u -> !u.isEmpty())
                    .map(u -> URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u)).toList();
            if (urls.isEmpty() || urls.stream().anyMatch(u -> !("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null)) {
                throw new IllegalArgumentException("PICBED_PEERS: site '" + name + "' needs http(s) URLs");
            }
            peers.add(new Peer(name, urls));
        }
        return peers;
    }

    public Optional<Peer> peer(String name) {
        return peers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public boolean multiSite() {
        return !peers.isEmpty();
    }
}
