package org.picbed.variant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;
import org.picbed.variant.serve.Variants;
import org.picbed.variant.spec.OutputFormats;
import org.picbed.variant.spec.VariantKey;
import org.picbed.variant.url.VariantRequest;
import org.picbed.web.Immutable;
import org.picbed.web.Problems;

import java.io.IOException;

/**
 * Writes a variant response for both URL forms: resolves {@code auto} against {@code Accept}, asks
 * {@link Variants} for the bytes and answers with immutable caching, a strong ETag from the variant key, 304,
 * nosniff and {@code X-Cache: HIT|STORED|RENDERED}.
 */
@ApplicationScoped
public class VariantResponder {

    @Inject
    Variants variants;

    public void respond(VariantRequest wanted, String preset, HttpServletRequest request, HttpServletResponse response,
                        boolean body) throws IOException {
        ImageFormat format;
        if (OutputFormats.varies(wanted.extension())) {
            response.setHeader("Vary", "Accept");
            format = resolveAuto(wanted, request.getHeader("Accept"));
        } else {
            format = OutputFormats.resolve(wanted.extension(), null, null, false);
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
    }

    private ImageFormat resolveAuto(VariantRequest wanted, String accept) throws IOException {
        if (OutputFormats.acceptsWebp(accept)) {
            return ImageFormat.WEBP;
        }
        Variants.SourceKind source = variants.sourceKind(wanted.image())
                .orElseThrow(() -> new PicbedException(404, "not_found", "no such image"));
        return OutputFormats.resolve("auto", accept, source.format(), source.hasAlpha());
    }

    private static void headers(HttpServletResponse response, String etag, ImageFormat format, Variants.Source source) {
        Immutable.headers(response::setHeader, etag, format.mediaType());
        if (source != null) {
            response.setHeader("X-Cache", source.name());
        }
    }

}
