package org.picbed.shop;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/** The shop's public pages: {@code /shop} (the product grid) and {@code /shop/p/<slug>} (a product). */
@WebServlet(urlPatterns = {"/shop", "/shop/*"})
public class ShopServlet extends HttpServlet {

    @Inject
    ShopCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getServletPath().equals("/shop") && request.getPathInfo() == null) {
            response.setStatus(301);
            response.setHeader("Location", request.getContextPath() + "/shop/");
            return;
        }
        String[] path = ShopPages.segments(request);
        if (path.length == 0) {
            request.setAttribute("products", catalog.products());
            ShopPages.render(request, response, 200, "grid");
            return;
        }
        if (path.length == 2 && path[0].equals("p")) {
            Optional<ProductView> product = catalog.product(path[1]);
            if (product.isPresent()) {
                request.setAttribute("product", product.get());
                request.setAttribute("selected", selected(product.get(), request.getParameter("picture")));
                ShopPages.render(request, response, 200, "product");
                return;
            }
        }
        ShopPages.notFound(request, response);
    }

    /** The picture shown large: the one asked for in {@code ?picture=}, else the cover. */
    private static PictureView selected(ProductView product, String wanted) {
        if (wanted != null) {
            for (PictureView picture : product.pictures()) {
                if (String.valueOf(picture.id()).equals(wanted)) {
                    return picture;
                }
            }
        }
        return product.cover();
    }
}
