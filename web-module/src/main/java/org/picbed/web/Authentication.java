package org.picbed.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import org.picbed.auth.ApiKeys;
import org.picbed.auth.UploadToken;
import org.picbed.auth.UploadTokens;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place requests are authenticated. The upload servlets ({@code /api/images}, {@code /api/groups}) pass
 * through {@link ApiKeys} here as a servlet filter; JAX-RS resources say {@link ApiKeyRequired} or
 * {@link AdminOnly} and pass through {@link ApiKeyCheck} or {@link AdminCheck}. Either way a refusal is a 401
 * problem+json before the request reaches domain code, and the caller is a request attribute.
 * <p>
 * An {@link UploadTokens upload token} instead of an API key is verified here too, for file uploads only
 * ({@code POST /api/images} with multipart or a raw image body): the caller is the key that issued it and the
 * token itself is a request attribute ({@link #uploadToken}) for the servlet to count its use and narrow its
 * limits. Anywhere else a token is 403 {@code token_not_allowed}.
 */
@WebFilter(urlPatterns = {"/api/images", "/api/groups", "/api/groups/*"})
public class Authentication extends HttpFilter {

    static final String CALLER = Uploader.class.getName();
    private static final String TOKEN = UploadToken.class.getName();

    @Inject
    ApiKeys apiKeys;

    @Inject
    UploadTokens uploadTokens;

    /** Who the API key named (set by the filters; anonymous where anonymous uploads are allowed). */
    public static Uploader caller(HttpServletRequest request) {
        Object caller = request.getAttribute(CALLER);
        if (!(caller instanceof Uploader uploader)) {
            throw new IllegalStateException("no authenticated caller: the request did not pass Authentication");
        }
        return uploader;
    }

    /** The upload token the caller presented instead of an API key, if it did. */
    public static Optional<UploadToken> uploadToken(HttpServletRequest request) {
        return Optional.ofNullable((UploadToken) request.getAttribute(TOKEN));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (UploadTokens.presented(authorization)) {
                if (!isFileUpload(request)) {
                    throw UploadTokens.notAllowed();
                }
                UploadToken token = uploadTokens.verify(authorization);
                request.setAttribute(TOKEN, token);
                request.setAttribute(CALLER, token.uploader());
            } else {
                request.setAttribute(CALLER, apiKeys.authenticate(authorization));
            }
        } catch (PicbedException e) {
            Problems.write(response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    /** {@code POST /api/images} with files (not the JSON URL import): what an upload token is good for. */
    private static boolean isFileUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod())
                && "/api/images".equals(request.getRequestURI().substring(request.getContextPath().length()))
                && !(type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json"));
    }
}
