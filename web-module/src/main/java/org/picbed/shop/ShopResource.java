package org.picbed.shop;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.picbed.variant.url.VariantUrls;
import org.picbed.web.PublicUrl;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageId;
import org.picbed.web.AdminOnly;
import org.picbed.web.JsonBuilders;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The storefront catalogue over HTTP, for scripts ({@code ./picbed demo}) and other shops' back offices; admin
 * credentials (HTTP Basic) for every call, as the admin pages need a login.
 * <ul>
 * <li>{@code GET /api/shop/products}, {@code GET /api/shop/products/<slug>}</li>
 * <li>{@code POST /api/shop/products} {@code {"name","description","price":"12.50","currency":"EUR"}} -> 201</li>
 * <li>{@code POST /api/shop/products/<slug>/pictures?alt=...} with a raw image body -> 201 the picture</li>
 * <li>{@code PUT /api/shop/products/<slug>/pictures/<id>} with a raw image body: replace (new URL)</li>
 * <li>{@code PUT /api/shop/products/<slug>/order} {@code {"order":[<picture id>,...]}}</li>
 * <li>{@code DELETE /api/shop/products/<slug>} (its images stay stored)</li>
 * </ul>
 */
@Path("shop/products")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class ShopResource {

    @Inject
    PublicUrl publicUrl;

    @Inject
    ShopCatalog catalog;

    @Inject
    Shop shop;

    @GET
    public Response list() {
        JsonArrayBuilder list = JsonBuilders.array();
        catalog.products().forEach(p -> list.add(json(p)));
        return Response.ok(JsonBuilders.object().add("products", list).build().toString()).build();
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug) {
        return Response.ok(json(catalog.existing(slug)).build().toString()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        ProductView created = catalog.create(draft(body));
        return Response.created(URI.create("shop/products/" + created.slug())).entity(json(created).build().toString()).build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("slug") String slug,
                           JsonObject body) {
        return Response.ok(json(catalog.update(slug, draft(body))).build().toString()).build();
    }

    @DELETE
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        catalog.delete(slug);
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/pictures")
    @Consumes(MediaType.WILDCARD)
    public Response addPicture(@PathParam("slug") String slug,
                               @QueryParam("alt") String alt, @HeaderParam("X-Filename") String fileName,
                               InputStream body) throws IOException {
        PictureView picture = shop.addPicture(slug, body, fileName, alt);
        return Response.status(201).entity(json(picture).build().toString()).build();
    }

    @PUT
    @Path("{slug}/pictures/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response replacePicture(@PathParam("slug") String slug,
                                   @PathParam("id") long id, @HeaderParam("X-Filename") String fileName,
                                   InputStream body) throws IOException {
        return Response.ok(json(shop.replacePicture(slug, id, body, fileName)).build().toString()).build();
    }

    @PUT
    @Path("{slug}/order")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reorder(@PathParam("slug") String slug,
                            JsonObject body) {
        List<Long> order = new ArrayList<>();
        if (body == null || !(body.get("order") instanceof jakarta.json.JsonArray ids)) {
            throw new PicbedException(400, "invalid_order", "send {\"order\": [picture ids]}");
        }
        for (JsonValue id : ids) {
            if (!(id instanceof JsonNumber n) || !n.isIntegral()) {
                throw new PicbedException(400, "invalid_order", "picture ids are whole numbers");
            }
            order.add(n.longValue());
        }
        return Response.ok(json(catalog.reorder(slug, order)).build().toString()).build();
    }

    private static ProductDraft draft(JsonObject body) {
        if (body == null) {
            throw new PicbedException(400, "invalid_product", "send the product as a JSON object");
        }
        JsonValue price = body.get("price");
        String priceText = price instanceof JsonNumber n ? n.bigDecimalValue().toPlainString()
                : price instanceof JsonString s ? s.getString() : null;
        return ProductDraft.of(string(body, "name"), string(body, "description"), priceText, string(body, "currency"));
    }

    private static String string(JsonObject body, String name) {
        return body.get(name) instanceof JsonString s ? s.getString() : null;
    }

    JsonObjectBuilder json(ProductView p) {
        JsonArrayBuilder pictures = JsonBuilders.array();
        p.pictures().forEach(picture -> pictures.add(json(picture)));
        return JsonBuilders.object().add("slug", p.slug()).add("name", p.name()).add("description", p.description())
                .add("price", p.plainPrice()).add("currency", p.currency()).add("pictures", pictures);
    }

    JsonObjectBuilder json(PictureView picture) {
        return JsonBuilders.object().add("id", picture.id()).add("image", picture.imageId())
                .add("width", picture.width()).add("height", picture.height()).add("alt", picture.alt())
                .add("position", picture.position())
                .add("url", publicUrl.configured().orElse("") + VariantUrls.originalPath(ImageId.parse(picture.imageId()).orElseThrow()));
    }
}
