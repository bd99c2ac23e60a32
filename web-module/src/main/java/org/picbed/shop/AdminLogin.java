package org.picbed.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.auth.Admins;
import org.picbed.auth.TooManyAttempts;
import org.picbed.web.AdminSession;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Form login for the storefront admin (Jakarta Security): a POST of {@code username}/{@code password} to
 * {@code /shop/login} is checked by {@link Admins#verify} (the operator's credentials, through the login throttle)
 * and the operator gets the {@link #ROLE} role; the caller then stays logged in for the
 * session. The form carries the session's CSRF token (a login form posted from elsewhere is refused with 403) and
 * attempts pass the login throttle (429 while this account or address must wait). An unauthenticated
 * request for a protected page is sent to the login page with its address in {@code next}. Every other request
 * passes untouched.
 */
@ApplicationScoped
@AutoApplySession
public class AdminLogin implements HttpAuthenticationMechanism {

    static final String LOGIN_PATH = "/shop/login";
    /** The operator's role (web.xml protects /shop/admin/* with it). */
    public static final String ROLE = AdminSession.ROLE;
    /** Set on a failed attempt, for the login page to say so. */
    static final String FAILED = "org.picbed.shop.loginFailed";
    /** Set when the form's CSRF token does not match the session's. */
    static final String FORGED = "org.picbed.shop.loginForged";
    /** Set (to the {@link TooManyAttempts}) when the throttle refuses the attempt. */
    static final String THROTTLED = "org.picbed.shop.loginThrottled";

    @Inject
    Admins admins;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if ("POST".equals(request.getMethod()) && LOGIN_PATH.equals(path(request))) {
            String user = request.getParameter("username");
            String password = request.getParameter("password");
            if (user != null && password != null) {
                if (!ShopPages.csrfMatches(request, request.getParameter(ShopPages.CSRF_FIELD))) {
                    request.setAttribute(FORGED, Boolean.TRUE);
                    return context.doNothing();
                }
                boolean valid;
                try {
                    valid = admins.verify(user, password, request.getRemoteAddr());
                } catch (TooManyAttempts refused) {
                    request.setAttribute(THROTTLED, refused);
                    return context.doNothing();
                }
                if (valid) {
                    if (request.getSession(false) != null) {
                        request.changeSessionId(); // no session fixation
                    }
                    return context.notifyContainerAboutLogin(new CredentialValidationResult(user, Set.of(ROLE)));
                }
                request.setAttribute(FAILED, Boolean.TRUE);
            }
            return context.doNothing();
        }
        if (context.isProtected()) {
            String next = path(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + LOGIN_PATH + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
