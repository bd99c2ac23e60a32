package org.picbed.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A read-only resource: {@code HEAD} answers exactly as {@code GET}, without the body. */
public abstract class GetHeadServlet extends HttpServlet {

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected final void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    protected abstract void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException;
}
