package org.picbed.console;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.auth.Admins;
import org.picbed.auth.Uploader;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageCatalog;
import org.picbed.image.ImageId;
import org.picbed.image.Images;
import org.picbed.variant.background.VariantRerenders;
import org.picbed.variant.store.VariantCatalog;
import org.picbed.web.AdminOnly;
import org.picbed.web.JsonBuilders;

import java.io.IOException;

/**
 * The media library's actions for the admin (the API key's twins, for the console and scripts with admin
 * credentials): {@code DELETE /api/admin/images/<id>} deletes the image at every site,
 * {@code POST /api/admin/images/<id>/rerender} re-renders its known variants on the low-priority queue.
 */
@Path("admin/images/{id}")
@AdminOnly
public class AdminImagesResource {

    @Inject
    Images images;

    @Inject
    ImageCatalog catalog;

    @Inject
    VariantRerenders rerenders;

    @Inject
    Admins admins;

    @DELETE
    public Response delete(@PathParam("id") String idText) throws IOException {
        if (!images.delete(parse(idText), new Uploader("admin:" + admins.user()))) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("rerender")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rerender(@PathParam("id") String idText) throws IOException {
        ImageId id = parse(idText);
        catalog.find(id).orElseThrow(AdminImagesResource::notFound);
        JsonArrayBuilder queued = JsonBuilders.array();
        for (VariantCatalog.Requested r : rerenders.rerender(id)) {
            queued.add(JsonBuilders.object().add("spec", r.key().spec().canonical()).add("format", r.key().format().key()));
        }
        return Response.accepted(JsonBuilders.object().add("queued", queued).build().toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static ImageId parse(String text) {
        return ImageId.parse(text).orElseThrow(() -> new PicbedException(400, "invalid_id", "an image id is 64 lowercase hex characters"));
    }

    private static PicbedException notFound() {
        return new PicbedException(404, "not_found", "no such image");
    }
}
