package org.picbed.image;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.web.AdminSession;

import java.io.IOException;

/**
 * {@code /upload}: the upload page. It never asks for an API key: it uploads with an upload token, the one in its
 * address ({@code ?token=}, a link an operator hands out; read by the page's script, never echoed by the server) or,
 * for the logged-in operator, one the page asks {@code POST /api/admin/upload-tokens} for with the session's CSRF
 * token (given to the script as a data- attribute: the CSP allows no inline script).
 */
@WebServlet(urlPatterns = "/upload")
public class UploadPage extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        boolean operator = AdminSession.loggedIn(request);
        request.setAttribute("operator", operator);
        if (operator) {
            AdminSession.csrfToken(request);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        request.getRequestDispatcher("/WEB-INF/pages/upload.jsp").forward(request, response);
    }
}
