package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.picbed.config.Settings;
import org.picbed.image.ImageId;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * Calls a peer site's internal endpoint ({@code /internal/...}) with this site's signature; tries the peer's URLs
 * in order and moves on when one cannot be reached.
 */
@ApplicationScoped
public class PeerClient {

    public static final String CREATED_HEADER = "X-Picbed-Created";
    public static final String SHA256_HEADER = "X-Picbed-Sha256";

    private SiteSettings settings;
    private SiteAuth auth;
    private HttpClient http;

    @Inject
    void configure(SiteSettings site, Settings all) {
        settings = site;
        auth = site.secret().map(SiteAuth::new).orElse(null);
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(site.peerTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        PeerTls.context(all).ifPresent(builder::sslContext);   // https:// peers: the site CA (or the JDK's CAs)
        http = builder.build();
    }

    public SiteSettings settings() {
        return settings;
    }

    /** The outcome of asking a peer for an original. */
    public sealed interface Fetch {
        record Found(InputStream body, Instant createdAt) implements Fetch {
        }

        record Missing() implements Fetch {
        }

        record Deleted() implements Fetch {
        }

        record Unreachable(String reason) implements Fetch {
        }
    }

    /** Asks a peer for the original bytes of an image; the caller closes a found body. */
    public Fetch original(Peer peer, ImageId id) {
        String path = "/internal/blobs/" + id.hex();
        String reason = "no URL";
        for (URI base : peer.urls()) {
            try {
                HttpResponse<InputStream> response = http.send(request(base, path), HttpResponse.BodyHandlers.ofInputStream());
                switch (response.statusCode()) {
                    case 200 -> {
                        Instant created = response.headers().firstValue(CREATED_HEADER).map(Long::parseLong)
                                .map(Instant::ofEpochMilli).orElseGet(Instant::now);
                        return new Fetch.Found(response.body(), created);
                    }
                    case 404 -> {
                        response.body().close();
                        return new Fetch.Missing();
                    }
                    case 410 -> {
                        response.body().close();
                        return new Fetch.Deleted();
                    }
                    default -> {
                        response.body().close();
                        reason = "HTTP " + response.statusCode();
                    }
                }
            } catch (IOException e) {
                reason = PeerTls.reason(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Fetch.Unreachable("interrupted");
            }
        }
        return new Fetch.Unreachable(reason);
    }

    /** A variant must be smaller than this to be taken from a peer (presets are web sizes). */
    private static final int MAX_VARIANT_BYTES = 32 << 20;

    /**
     * A variant as the peer serves it at {@code path} (a public preset URL), when it answers 200 with exactly
     * the expected ETag (the same image, canonical options and format); empty otherwise, whatever the reason.
     */
    public Optional<byte[]> variant(Peer peer, String path, String expectedEtag) {
        for (URI base : peer.urls()) {
            try {
                HttpResponse<byte[]> response = http.send(request(base, path), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200 && expectedEtag.equals(response.headers().firstValue("ETag").orElse(""))
                        && response.body().length > 0 && response.body().length < MAX_VARIANT_BYTES) {
                    return Optional.of(response.body());
                }
                return Optional.empty();
            } catch (IOException e) {
                // the next URL
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A ping's outcome: the round trip in ms, or why the peer could not be reached. */
    public record Ping(long millis, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** Whether the peer answers its internal ping with this site's signature accepted, and if not, why. */
    public Ping ping(Peer peer) {
        String failure = "no URL";
        for (URI base : peer.urls()) {
            long start = System.nanoTime();
            try {
                HttpResponse<Void> response = http.send(request(base, "/internal/ping"), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return new Ping((System.nanoTime() - start) / 1_000_000, null);
                }
                failure = "HTTP " + response.statusCode();
            } catch (IOException e) {
                failure = PeerTls.reason(e);   // then the next URL
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Ping(-1, "interrupted");
            }
        }
        return new Ping(-1, failure);
    }

    private HttpRequest request(URI base, String path) {
        if (auth == null) {
            throw new IllegalStateException("PICBED_SITE_SECRET is not set");
        }
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(settings.peerTimeout()).GET()
                .header(SiteAuth.HEADER, auth.sign(settings.site(), "GET", path, Instant.now())).build();
    }
}
