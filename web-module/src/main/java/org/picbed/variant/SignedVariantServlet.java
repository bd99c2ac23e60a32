package org.picbed.variant;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.web.GetHeadServlet;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET|HEAD /v/<signature>/<options>/<id>.<ext>}: any variant, by imgproxy-style options. The signature is
 * checked (constant time) before anything else is parsed, read or decoded.
 */
@WebServlet(urlPatterns = "/v/*")
public class SignedVariantServlet extends GetHeadServlet {

    @Inject
    VariantResponder responder;

    @Override
    protected void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        responder.serve(Optional.ofNullable(rawPath(request)).orElse(""), true, request, response, body);
    }

    /** What follows {@code /v/}, as sent (not decoded): the signature covers the raw path. */
    static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + "/v/";
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : null;
    }
}
