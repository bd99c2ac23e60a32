package org.picbed.sample.shop;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code /}: every product as a card; {@code /product?n=<number>}: one product with its picture large. */
@WebServlet(urlPatterns = {"", "/product"})
public class StorefrontServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Catalogue catalogue = Shop.catalogue(getServletContext());
        if (request.getServletPath().equals("/product")) {
            int number;
            try {
                number = Integer.parseInt(String.valueOf(request.getParameter("n")));
            } catch (NumberFormatException e) {
                response.sendError(404);
                return;
            }
            var product = catalogue.find(number);
            if (product.isEmpty()) {
                response.sendError(404);
                return;
            }
            request.setAttribute("product", product.get());
            request.getRequestDispatcher("/WEB-INF/jsp/product.jsp").forward(request, response);
            return;
        }
        request.setAttribute("products", catalogue.all());
        request.getRequestDispatcher("/WEB-INF/jsp/index.jsp").forward(request, response);
    }
}
