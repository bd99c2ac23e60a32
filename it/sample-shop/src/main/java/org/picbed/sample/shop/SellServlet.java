package org.picbed.sample.shop;

import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.picbed.client.Images;
import org.picbed.client.PicbedProblemException;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /sell}: a product name and a picture from a form; the picture goes to picbed through the client, the
 * product keeps its id and size. picbed's refusal (a file that is not an image, too large) is shown to the seller.
 */
@WebServlet("/sell")
@MultipartConfig(maxFileSize = 64L << 20)
public class SellServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = String.valueOf(request.getParameter("name")).strip();
        Part picture;
        try {
            picture = request.getPart("picture");
        } catch (jakarta.servlet.ServletException e) {
            response.sendError(400, "send the form as multipart/form-data");
            return;
        }
        if (name.isEmpty() || picture == null || picture.getSize() == 0) {
            response.sendError(400, "a product needs a name and a picture");
            return;
        }
        byte[] bytes;
        try (InputStream in = picture.getInputStream()) {
            bytes = in.readAllBytes();
        }
        try {
            Images.Uploaded stored = Shop.picbed(getServletContext()).upload(bytes, picture.getSubmittedFileName()).first();
            if (!stored.stored()) {
                response.sendError(422, "picbed refused the picture: " + stored.error().map(Images.Problem::code).orElse("rejected"));
                return;
            }
            Product product = Shop.catalogue(getServletContext()).add(name, stored.id(), stored.width(), stored.height());
            response.sendRedirect(request.getContextPath() + "/product?n=" + product.number());
        } catch (PicbedProblemException e) {
            response.sendError(e.status() >= 500 ? 503 : 422, "picbed refused the picture: " + e.code());
        }
    }
}
