package org.picbed.image;

import jakarta.inject.Inject;
import org.picbed.web.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.auth.ApiKeys;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;

import java.io.IOException;

/** {@code GET /api/images/<id>}: metadata; {@code DELETE /api/images/<id>} (API key): removes it for good. */
@Path("images/{id}")
public class ImageResource {

    @Inject
    ImageCatalog catalog;

    @Inject
    Images images;

    @Inject
    ApiKeys apiKeys;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String idText) {
        ImageId id = parse(idText);
        Image image = catalog.find(id).orElseThrow(ImageResource::notFound);
        JsonArrayBuilder uploads = JsonBuilders.array();
        for (ImageUpload upload : catalog.uploads(id)) {
            uploads.add(JsonBuilders.object()
                    .add("filename", upload.displayName())
                    .add("uploadedAt", upload.uploadedAt().toString()));
        }
        String body = ImageJson.describe(ImageJson.baseUrl(request), image)
                .add("createdAt", image.createdAt().toString())
                .add("originSite", image.originSite())
                .add("uploads", uploads)
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-cache").build();
    }

    @DELETE
    public Response delete(@PathParam("id") String idText, @HeaderParam("Authorization") String authorization) throws IOException {
        Uploader who = apiKeys.authenticate(authorization);
        ImageId id = parse(idText);
        if (!images.delete(id, who)) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    private static ImageId parse(String text) {
        return ImageId.parse(text).orElseThrow(() -> new PicbedException(400, "invalid_id", "an image id is 64 lowercase hex characters"));
    }

    private static PicbedException notFound() {
        return new PicbedException(404, "not_found", "no such image");
    }
}
