package org.picbed.shop;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.picbed.web.AdminSession;

import java.io.IOException;

/** What the storefront's servlets share: rendering JSPs, flash messages across redirects, CSRF tokens. */
final class ShopPages {

    static final String CSRF_FIELD = "_csrf";
    private static final String FLASH = "org.picbed.shop.flash";

    private ShopPages() {
    }

    /** Renders {@code WEB-INF/shop/<page>.jsp}; pages are never cached (images are: their URLs never change). */
    static void render(HttpServletRequest request, HttpServletResponse response, int status, String page)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.setAttribute("flash", session.getAttribute(FLASH));
            session.removeAttribute(FLASH);
            request.setAttribute("csrf", AdminSession.existingCsrfToken(request));
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
        return AdminSession.csrfToken(request);
    }

    static boolean csrfMatches(HttpServletRequest request, String presented) {
        return AdminSession.csrfMatches(request, presented);
    }

    /** The path after the servlet's mapping, split on "/" without empty segments. */
    static String[] segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.equals("/") ? new String[0] : info.substring(1).split("/");
    }
}
