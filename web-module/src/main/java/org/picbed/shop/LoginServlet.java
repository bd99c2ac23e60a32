package org.picbed.shop;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.auth.Admins;
import org.picbed.auth.TooManyAttempts;

import java.io.IOException;

/**
 * {@code /shop/login}: the login form; its POST is checked by {@link AdminLogin} before it gets here, so a
 * caller here is either logged in (sent on to {@code next}) or not (the form again, 401).
 * {@code POST /shop/logout} ends the session.
 */
@WebServlet(urlPatterns = {AdminLogin.LOGIN_PATH, "/shop/logout"})
public class LoginServlet extends HttpServlet {

    @Inject
    Admins admins;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getServletPath().equals("/shop/logout")) {
            response.sendError(405);
            return;
        }
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(request.getContextPath() + next(request));
            return;
        }
        show(request, response, 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getServletPath().equals("/shop/logout")) {
            request.logout();
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
            ShopPages.redirect(request, response, "/shop/", null, null);
            return;
        }
        if (request.getUserPrincipal() != null && request.isUserInRole(AdminLogin.ROLE)) {
            ShopPages.csrfToken(request);
            ShopPages.redirect(request, response, next(request), null, null);
            return;
        }
        if (request.getAttribute(AdminLogin.THROTTLED) instanceof TooManyAttempts refused) {
            long seconds = refused.retryAfterSeconds().orElseThrow();
            response.setHeader("Retry-After", String.valueOf(seconds));
            request.setAttribute("refused", "Too many failed logins; try again in " + seconds + " s.");
            show(request, response, 429);
            return;
        }
        if (request.getAttribute(AdminLogin.FORGED) != null) {
            request.setAttribute("refused", "The login form has expired; log in again.");
            show(request, response, 403);
            return;
        }
        request.setAttribute("failed", request.getAttribute(AdminLogin.FAILED) != null);
        show(request, response, 401);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status) throws ServletException, IOException {
        ShopPages.csrfToken(request);
        request.setAttribute("next", next(request));
        request.setAttribute("configured", admins.configured());
        ShopPages.render(request, response, status, "login");
    }

    /** Where to go after logging in: an admin page (the console or the shop's), never another site. */
    private static String next(HttpServletRequest request) {
        String next = request.getParameter("next");
        return next != null && (next.startsWith("/shop/admin") || next.equals("/admin") || next.startsWith("/admin/"))
                && !next.contains("//") && !next.contains("\\") ? next : "/shop/admin/";
    }
}
