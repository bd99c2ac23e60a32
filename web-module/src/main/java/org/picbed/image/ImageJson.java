package org.picbed.image;

import org.picbed.variant.url.VariantUrls;
import org.picbed.web.JsonBuilders;
import jakarta.json.JsonObjectBuilder;

/** How an image is described in API answers, and the URLs that name it. */
final class ImageJson {

    private ImageJson() {
    }

    static String url(String base, Image image) {
        return base + VariantUrls.originalPath(new ImageId(image.id()), image.format());
    }

    static JsonObjectBuilder describe(String base, Image image) {
        return JsonBuilders.object()
                .add("id", image.id())
                .add("format", image.format().key())
                .add("width", image.width())
                .add("height", image.height())
                .add("frames", image.frames())
                .add("bytes", image.bytes())
                .add("url", url(base, image));
    }

    /** A media library entry: the image, the file name it was first uploaded under, when and where it was created. */
    static JsonObjectBuilder listed(String base, ImageLibrary.Entry entry) {
        JsonObjectBuilder item = describe(base, entry.image())
                .add("created", entry.image().createdAt().toString())
                .add("origin_site", entry.image().originSite());
        if (entry.firstName() != null) {
            item.add("name", entry.firstName());
        } else {
            item.addNull("name");
        }
        return item;
    }
}
