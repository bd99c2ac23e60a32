package org.picbed.console;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.error.PicbedException;
import org.picbed.image.Image;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageId;
import org.picbed.image.ImageLibrary;
import org.picbed.site.SiteView;
import org.picbed.variant.store.VariantCatalog;
import org.picbed.web.AdminSession;

import java.io.IOException;
import java.util.Optional;

/**
 * The console's pages (web.xml lets only the admin in): {@code /admin/} the dashboard, {@code /admin/images} the media
 * library grid (search and cursor paging, as {@code GET /api/images}), {@code /admin/images/<id>} one image with its
 * variants, uploads and sites, and its delete / purge / re-render buttons. Pages render the JSPs under
 * WEB-INF/admin; their scripts call the admin API with the session's CSRF token.
 */
@WebServlet("/admin/*")
public class ConsoleServlet extends HttpServlet {

    static final int GRID_PAGE = 48;

    @Inject
    ImageLibrary library;

    @Inject
    ImageCatalog catalog;

    @Inject
    VariantCatalog variants;

    @Inject
    SiteView sites;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        AdminSession.csrfToken(request);
        request.setAttribute("site", sites.site());
        try {
            if (path.isEmpty()) {
                response.sendRedirect(request.getContextPath() + "/admin/");
            } else if (path.equals("/")) {
                render(request, response, 200, "dashboard");
            } else if (path.equals("/images") || path.equals("/images/")) {
                String q = request.getParameter("q");
                ImageLibrary.Page page = library.page(GRID_PAGE, blankToNull(request.getParameter("cursor")), blankToNull(q));
                request.setAttribute("page", page);
                request.setAttribute("q", q == null ? "" : q);
                render(request, response, 200, "images");
            } else if (path.startsWith("/images/")) {
                Optional<Image> image = ImageId.parse(path.substring("/images/".length())).flatMap(catalog::find);
                if (image.isEmpty()) {
                    render(request, response, 404, "not-found");
                    return;
                }
                request.setAttribute("image", image.get());
                request.setAttribute("uploads", catalog.uploads(image.get().imageId()));
                request.setAttribute("variants", variants.of(image.get().imageId()));
                render(request, response, 200, "image");
            } else {
                render(request, response, 404, "not-found");
            }
        } catch (PicbedException e) {
            request.setAttribute("error", e.publicMessage());
            render(request, response, e.status(), "not-found");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void render(HttpServletRequest request, HttpServletResponse response, int status, String page)
            throws ServletException, IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        request.getRequestDispatcher("/WEB-INF/admin/" + page + ".jsp").forward(request, response);
    }
}
