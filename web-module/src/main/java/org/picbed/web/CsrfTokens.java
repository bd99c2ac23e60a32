package org.picbed.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The admin session's CSRF token: created with the session, put in every admin form ({@value #FIELD}) and sent by the
 * dashboard's scripts as the {@value #HEADER} header; a state-changing request from a session must present it.
 */
public final class CsrfTokens {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = "org.picbed.shop.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token (creating the session and the token when needed), also as the request attribute {@code csrf}. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession();
        String token = (String) session.getAttribute(ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(ATTRIBUTE, token);
        }
        request.setAttribute("csrf", token);
        return token;
    }

    /** The session's token if it has one, without creating anything. */
    public static String existing(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(ATTRIBUTE);
    }

    public static boolean matches(HttpServletRequest request, String presented) {
        String token = existing(request);
        return token != null && presented != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
