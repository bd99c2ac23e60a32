package org.picbed.shop;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.picbed.error.PicbedException;
import org.picbed.web.MultipartStream;
import org.picbed.web.RequestText;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The storefront admin, for the {@code shop-admin} role only (web.xml): {@code /shop/admin/} lists products and
 * creates them, {@code /shop/admin/p/<slug>} edits one. Every change is a POST with the session's CSRF token,
 * answered with a redirect (303) to the page to show next and a flash message.
 * <ul>
 * <li>{@code POST /products} create; {@code POST /p/<slug>} update; {@code POST /p/<slug>/delete}</li>
 * <li>{@code POST /p/<slug>/pictures} (multipart: {@code _csrf}, {@code alt}, {@code file}...) add pictures</li>
 * <li>{@code POST /p/<slug>/pictures/<id>/replace} (multipart: {@code _csrf}, {@code file}) new bytes, new URL</li>
 * <li>{@code POST /p/<slug>/pictures/<id>/move} ({@code by=-1|1}), {@code .../alt}, {@code .../remove}</li>
 * <li>{@code POST /p/<slug>/order} ({@code order=<id>,<id>,...}) the whole gallery order at once</li>
 * </ul>
 */
@WebServlet(urlPatterns = "/shop/admin/*")
public class ShopAdminServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ShopAdminServlet.class.getName());
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    @Inject
    ShopCatalog catalog;

    @Inject
    Shop shop;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        ShopPages.csrfToken(request);
        String[] path = ShopPages.segments(request);
        if (path.length == 0) {
            request.setAttribute("products", catalog.products());
            ShopPages.render(request, response, 200, "admin");
            return;
        }
        if (path.length == 2 && path[0].equals("p")) {
            Optional<ProductView> product = catalog.product(path[1]);
            if (product.isPresent()) {
                request.setAttribute("product", product.get());
                ShopPages.render(request, response, 200, "edit");
                return;
            }
        }
        ShopPages.notFound(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String[] path = ShopPages.segments(request);
        String back = path.length >= 2 && path[0].equals("p") ? "/shop/admin/p/" + path[1] : "/shop/admin/";
        try {
            if (MultipartStream.boundary(request.getContentType()).isPresent()) {
                multipart(request, response, path);
                return;
            }
            if (!ShopPages.csrfMatches(request, request.getParameter(ShopPages.CSRF_FIELD))) {
                throw new PicbedException(403, "csrf", "the form has expired; reload the page and try again");
            }
            form(request, response, path);
        } catch (PicbedException e) {
            if (e.status() == 404 && path.length >= 2 && catalog.product(path[1]).isEmpty()) {
                back = "/shop/admin/";
            }
            ShopPages.redirect(request, response, back, "error", e.publicMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "storefront admin upload failed on I/O", e);
            ShopPages.redirect(request, response, back, "error", "the upload could not be stored right now; try again");
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response, String[] path) throws IOException {
        if (path.length == 1 && path[0].equals("products")) {
            ProductView created = catalog.create(draft(request));
            ShopPages.redirect(request, response, "/shop/admin/p/" + created.slug(), "ok", "Created " + created.name() + ".");
            return;
        }
        if (path.length < 2 || !path[0].equals("p")) {
            throw new PicbedException(404, "not_found", "no such admin action");
        }
        String slug = path[1];
        String page = "/shop/admin/p/" + slug;
        if (path.length == 2) {
            catalog.update(slug, draft(request));
            ShopPages.redirect(request, response, page, "ok", "Saved.");
        } else if (path.length == 3 && path[2].equals("delete")) {
            catalog.delete(slug);
            ShopPages.redirect(request, response, "/shop/admin/", "ok", "Deleted the product (its images stay stored).");
        } else if (path.length == 3 && path[2].equals("order")) {
            catalog.reorder(slug, ids(request.getParameter("order")));
            ShopPages.redirect(request, response, page, "ok", "Saved the order.");
        } else if (path.length == 5 && path[2].equals("pictures")) {
            long picture = id(path[3]);
            switch (path[4]) {
                case "move" -> catalog.move(slug, picture, "-1".equals(request.getParameter("by")) ? -1 : 1);
                case "alt" -> catalog.describe(slug, picture, request.getParameter("alt"));
                case "remove" -> catalog.remove(slug, picture);
                default -> throw new PicbedException(404, "not_found", "no such admin action");
            }
            ShopPages.redirect(request, response, page + "#picture-" + picture, "ok", switch (path[4]) {
                case "move" -> "Moved.";
                case "alt" -> "Saved the alt text.";
                default -> "Removed the picture (its image stays stored).";
            });
        } else {
            throw new PicbedException(404, "not_found", "no such admin action");
        }
    }

    /**
     * Adds or replaces pictures from a streamed multipart form. The CSRF token must come before any file (forms
     * send fields in page order), so nothing is stored for a forged request.
     */
    private void multipart(HttpServletRequest request, HttpServletResponse response, String[] path) throws IOException {
        boolean add = path.length == 3 && path[0].equals("p") && path[2].equals("pictures");
        boolean replace = path.length == 5 && path[0].equals("p") && path[2].equals("pictures") && path[4].equals("replace");
        if (!add && !replace) {
            throw new PicbedException(404, "not_found", "no such admin action");
        }
        String slug = path[1];
        MultipartStream parts = new MultipartStream(request.getInputStream(), MultipartStream.boundary(request.getContentType()).get());
        boolean trusted = false;
        String alt = null;
        int stored = 0;
        List<String> refused = new ArrayList<>();
        for (Optional<MultipartStream.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
            MultipartStream.Part part = next.get();
            if (part.filename() == null) {
                String value = text(part.body());
                if (ShopPages.CSRF_FIELD.equals(part.fieldName())) {
                    trusted = ShopPages.csrfMatches(request, value);
                } else if ("alt".equals(part.fieldName())) {
                    alt = value;
                }
                continue;
            }
            if (!trusted) {
                throw new PicbedException(403, "csrf", "the form has expired; reload the page and try again");
            }
            if (part.filename().isEmpty()) {
                continue; // a file input left empty
            }
            try {
                if (replace) {
                    shop.replacePicture(slug, id(path[3]), part.body(), part.filename());
                    ShopPages.redirect(request, response, "/shop/admin/p/" + slug + "#picture-" + path[3], "ok",
                            "Replaced the picture: it has a new URL; the old one still serves the old image.");
                    return;
                }
                shop.addPicture(slug, part.body(), part.filename(), alt);
                stored++;
            } catch (PicbedException e) {
                if (e.status() == 404 || replace) {
                    throw e;
                }
                refused.add(part.filename() + ": " + e.publicMessage());
            }
        }
        if (!trusted) {
            throw new PicbedException(403, "csrf", "the form has expired; reload the page and try again");
        }
        String page = "/shop/admin/p/" + slug;
        if (!refused.isEmpty()) {
            ShopPages.redirect(request, response, page, "error", (stored > 0 ? "Added " + stored + "; refused " : "Refused ")
                    + String.join("; ", refused));
        } else if (stored == 0) {
            ShopPages.redirect(request, response, page, "error", "Choose one or more images first.");
        } else {
            ShopPages.redirect(request, response, page, "ok", "Added " + stored + (stored == 1 ? " picture." : " pictures."));
        }
    }

    private static ProductDraft draft(HttpServletRequest request) {
        return ProductDraft.of(request.getParameter("name"), request.getParameter("description"),
                request.getParameter("price"), request.getParameter("currency"));
    }

    private static String text(InputStream in) throws IOException {
        return RequestText.read(in, MAX_FIELD_BYTES, 400, "field_too_large", "a form field is too long");
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new PicbedException(404, "not_found", "no such picture");
        }
    }

    private static List<Long> ids(String text) {
        List<Long> ids = new ArrayList<>();
        if (text != null) {
            for (String item : text.split("[,\\s]+")) {
                if (!item.isEmpty()) {
                    ids.add(id(item));
                }
            }
        }
        return ids;
    }
}
