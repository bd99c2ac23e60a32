package org.picbed.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The operator logged in with the form ({@code org.picbed.shop.AdminLogin}, an HTTP session): the role it holds and
 * the session's CSRF token, which every state-changing request made with the session must carry (a form field on
 * the storefront admin pages, the {@value #CSRF_HEADER} header for {@link AdminOnly} API calls from a page).
 */
public final class AdminSession {

    /** The operator's role (web.xml protects /shop/admin/* with it). */
    public static final String ROLE = "shop-admin";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CSRF = "org.picbed.shop.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminSession() {
    }

    /** Whether the caller is the operator, logged in with the form (the session carries the login). */
    public static boolean loggedIn(HttpServletRequest request) {
        return request.getUserPrincipal() != null && request.isUserInRole(ROLE);
    }

    /** The session's CSRF token, created with the session; also the request attribute {@code csrf} for pages. */
    public static String csrfToken(HttpServletRequest request) {
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

    /** The session's CSRF token if it has one yet (for pages that show it without creating a session). */
    public static String existingCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(CSRF);
    }

    /** Whether {@code presented} is this session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(HttpServletRequest request, String presented) {
        String token = existingCsrfToken(request);
        return token != null && presented != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
