package org.picbed.variant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;
import org.picbed.variant.serve.VariantMetrics;
import org.picbed.variant.serve.Variants;
import org.picbed.variant.spec.OutputFormats;
import org.picbed.variant.spec.VariantKey;
import org.picbed.variant.url.VariantRequest;
import org.picbed.variant.url.VariantUrls;
import org.picbed.web.Immutable;
import org.picbed.web.Problems;

import java.io.IOException;

/**
 * The one way into variant serving, for both URL forms ({@code /i/<id>/<preset>.<ext>} from
 * {@code OriginalServlet}, {@code /v/...} from {@link SignedVariantServlet}, and the IO-thread {@link HotPath}):
 * a URL is parsed and (for {@code /v/}) its signature verified once per node, and the result is shared by all
 * three. Then: resolves {@code auto} against {@code Accept}, asks {@link Variants} for the bytes and answers with
 * immutable caching, a strong ETag from the variant key, 304, nosniff and {@code X-Cache: HIT|STORED|RENDERED}.
 */
@ApplicationScoped
public class VariantResponder {

    @Inject
    org.picbed.image.source.RemoteSources remoteSources;

    /** Valid URLs only (a flood of bad ones cannot fill it); a URL always means the same variant. */
    private static final int MAX_PARSED = 50_000;

    private final Cache<String, VariantRequest> parsed = Caffeine.newBuilder().maximumSize(MAX_PARSED).build();

    @Inject
    VariantUrls urls;

    @Inject
    Variants variants;

    @Inject
    VariantMetrics metrics;

    /**
     * What a variant URL asks for, parsed and verified once.
     *
     * @param rest   what follows {@code /i/} or {@code /v/}, as received (not percent-decoded)
     * @param signed whether it is the {@code /v/} form
     * @throws PicbedException as {@link VariantUrls#preset} and {@link VariantUrls#signed}
     */
    public VariantRequest parse(String rest, boolean signed) {
        String key = (signed ? "v/" : "i/") + rest;
        VariantRequest known = parsed.getIfPresent(key);
        if (known == null) {
            known = signed ? urls.signed(rest) : urls.preset(rest);
            parsed.put(key, known);
        }
        return known;
    }

    /** Answers {@code /i/<rest>} (preset) or {@code /v/<rest>} (signed). */
    public void serve(String rest, boolean signed, HttpServletRequest request, HttpServletResponse response,
                      boolean body) throws IOException {
        VariantRequest wanted;
        try {
            wanted = parse(rest, signed);
        } catch (PicbedException e) {
            Problems.write(response, e);
            return;
        }
        if (wanted.remoteSource() != null) { // imgproxy's plain/<url> or base64url source: fetched once, then stored
            try {
                wanted = wanted.resolved(remoteSources.resolve(wanted.remoteSource()));
            } catch (PicbedException e) {
                Problems.write(response, e);
                return;
            }
        }
        String preset = null;
        if (!signed) {
            String file = rest.substring(rest.indexOf('/') + 1);
            preset = file.substring(0, Math.max(0, file.indexOf('.')));
        }
        respond(wanted, preset, request, response, body);
    }

    void respond(VariantRequest wanted, String preset, HttpServletRequest request, HttpServletResponse response,
                        boolean body) throws IOException {
        long start = System.nanoTime();
        if (wanted.raw()) { // imgproxy's raw: the original's bytes as they are
            try {
                request.getRequestDispatcher("/i/" + wanted.image().hex()).forward(request, response);
            } catch (jakarta.servlet.ServletException e) {
                throw new IOException(e);
            }
            return;
        }
        ImageFormat format;
        if (OutputFormats.varies(wanted.extension())) {
            response.setHeader("Vary", "Accept");
            format = resolveAuto(wanted, request.getHeader("Accept"));
        } else if (OutputFormats.needsSource(wanted.extension())) {
            Variants.SourceKind source = variants.sourceKind(wanted.image())
                    .orElseThrow(() -> new PicbedException(404, "not_found", "no such image"));
            format = OutputFormats.resolve(OutputFormats.SOURCE, null, source.format(), source.hasAlpha(), false);
        } else {
            format = OutputFormats.resolve(wanted.extension(), null, null, false, false);
        }
        if (wanted.filename() != null || wanted.attachment()) {
            response.setHeader("Content-Disposition", ContentDisposition.of(wanted.attachment(),
                    wanted.filename() != null ? wanted.filename() : wanted.image().hex().substring(0, 12), format));
        }
        VariantKey key = new VariantKey(wanted.image(), wanted.spec(), format);
        String etag = key.etag();
        if (Immutable.matches(request.getHeader("If-None-Match"), etag)) {
            headers(response, etag, format, null);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Variants.Served served;
        try {
            served = variants.serve(key, preset);
        } catch (PicbedException e) {
            if (e.status() == 503) {
                response.setHeader("Retry-After", "1");
            }
            Problems.write(response, e);
            return;
        }
        headers(response, etag, format, served.source());
        if (served.animationTruncated()) {
            response.setHeader("X-Animation-Truncated", "true");
        }
        response.setContentLength(served.bytes().length);
        if (body) {
            response.getOutputStream().write(served.bytes());
        }
        if (served.source() == Variants.Source.HIT) {
            metrics.hitThroughServlet(System.nanoTime() - start);
        }
    }

    private ImageFormat resolveAuto(VariantRequest wanted, String accept) throws IOException {
        ImageFormat modern = OutputFormats.modern(accept, variants.writesAvif());
        if (modern != null) {
            return modern;
        }
        Variants.SourceKind source = variants.sourceKind(wanted.image())
                .orElseThrow(() -> new PicbedException(404, "not_found", "no such image"));
        return OutputFormats.resolve("auto", accept, source.format(), source.hasAlpha(), variants.writesAvif());
    }

    private static void headers(HttpServletResponse response, String etag, ImageFormat format, Variants.Source source) {
        Immutable.headers(response::setHeader, etag, format.mediaType());
        if (source != null) {
            response.setHeader("X-Cache", source.name());
        }
    }

}
