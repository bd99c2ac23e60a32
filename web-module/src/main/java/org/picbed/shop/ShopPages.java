package org.picbed.shop;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** What the storefront's servlets share: rendering JSPs, flash messages across redirects, CSRF tokens. */
final class ShopPages {

    static final String CSRF_FIELD = "_csrf";
    private static final String CSRF = "org.picbed.shop.csrf";
    private static final String FLASH = "org.picbed.shop.flash";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShopPages() {
    }

    /** Renders {@code WEB-INF/shop/<page>.jsp}; pages are never cached (images are: their URLs never change). */
    static void render(HttpServletRequest request, HttpServletResponse response, int status, String page)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.setAttribute("flash", session.getAttribute(FLASH));
            session.removeAttribute(FLASH);
            request.setAttribute("csrf", session.getAttribute(CSRF));
        }
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType("text/html;charset=UTF-8");
        request.getRequestDispatcher("/WEB-INF/shop/" + page + ".jsp").forward(request, response);
    }

    static void notFound(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        render(request, response, 404, "not-found");
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, String path, String kind, String text)
            throws IOException {
        if (text != null) {
            request.getSession().setAttribute(FLASH, new Flash(kind, text));
        }
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + path);
    }

    /** The session's CSRF token, created with the session (admin pages put it in every form). */
    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession();
        String token = (String) session.getAttribute(CSRF);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(CSRF, token);
        }
        request.setAttribute("csrf", token);
        return token;
    }

    static boolean csrfMatches(HttpServletRequest request, String presented) {
        HttpSession session = request.getSession(false);
        String token = session == null ? null : (String) session.getAttribute(CSRF);
        return token != null && presented != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The path after the servlet's mapping, split on "/" without empty segments. */
    static String[] segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.equals("/") ? new String[0] : info.substring(1).split("/");
    }
}
