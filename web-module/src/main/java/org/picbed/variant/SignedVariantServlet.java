package org.picbed.variant;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET|HEAD /v/<signature>/<options>/<id>.<ext>}: any variant, by imgproxy-style options. The signature is
 * checked (constant time) before anything else is parsed, read or decoded.
 */
@WebServlet(urlPatterns = "/v/*")
public class SignedVariantServlet extends HttpServlet {

    @Inject
    VariantResponder responder;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        responder.serve(Optional.ofNullable(rawPath(request)).orElse(""), true, request, response, body);
    }

    /** What follows {@code /v/}, as sent (not decoded): the signature covers the raw path. */
    static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + "/v/";
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : null;
    }
}
