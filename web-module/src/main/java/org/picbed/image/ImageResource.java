package org.picbed.image;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.web.PublicUrl;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;
import org.picbed.variant.background.VariantRerenders;
import org.picbed.variant.store.VariantCatalog;
import org.picbed.web.ApiKeyRequired;
import org.picbed.web.Authentication;
import org.picbed.web.JsonBuilders;

import java.io.IOException;

/** {@code GET /api/images/<id>}: metadata; {@code DELETE /api/images/<id>} (API key): removes it for good. */
@Path("images/{id}")
public class ImageResource {

    @Inject
    PublicUrl publicUrl;

    @Inject
    ImageCatalog catalog;

    @Inject
    VariantCatalog variants;

    @Inject
    Images images;

    @Inject
    VariantRerenders rerenders;

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
        String body = ImageJson.describe(publicUrl.base(request), image)
                .add("createdAt", image.createdAt().toString())
                .add("originSite", image.originSite())
                .add("uploads", uploads)
                .add("variants", variants(id))
                .build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-cache").build();
    }

    /** Re-renders every known variant of the image on the low-priority queue (API key); 202 with what was queued. */
    @POST
    @ApiKeyRequired
    @Path("variants/rerender")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rerender(@PathParam("id") String idText) throws IOException {
        ImageId id = parse(idText);
        catalog.find(id).orElseThrow(ImageResource::notFound);
        JsonArrayBuilder queued = JsonBuilders.array();
        for (VariantCatalog.Requested r : rerenders.rerender(id)) {
            queued.add(JsonBuilders.object().add("spec", r.key().spec().canonical()).add("format", r.key().format().key()));
        }
        return Response.accepted(JsonBuilders.object().add("queued", queued).build().toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private JsonArrayBuilder variants(ImageId id) {
        JsonArrayBuilder list = JsonBuilders.array();
        for (ImageVariant v : variants.of(id)) {
            JsonObjectBuilder item = JsonBuilders.object().add("spec", v.spec()).add("format", v.format().key())
                    .add("state", v.state().name().toLowerCase(java.util.Locale.ROOT));
            if (v.preset() != null) {
                item.add("preset", v.preset());
            }
            if (v.reason() != null) {
                item.add("reason", v.reason());
            }
            if (v.width() != null && v.height() != null) {
                item.add("width", v.width()).add("height", v.height());
            }
            if (v.bytes() != null) {
                item.add("bytes", v.bytes());
            }
            item.add("updatedAt", v.updatedAt().toString());
            list.add(item);
        }
        return list;
    }

    @DELETE
    @ApiKeyRequired
    public Response delete(@PathParam("id") String idText) throws IOException {
        Uploader who = Authentication.caller(request);
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
