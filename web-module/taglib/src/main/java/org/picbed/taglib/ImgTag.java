package org.picbed.taglib;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.JspTagException;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.DynamicAttributes;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import org.picbed.client.url.ImageIds;
import org.picbed.client.url.ResponsiveImages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <picbed:img image="<id>" alt="..." [preset="medium"] [options="rs:fill:800:600"] [widths="320,640,960"]
 * [sizes="(min-width: 60rem) 50vw, 100vw"] [format="auto"] .../>} writes one {@code <img>} with {@code src},
 * {@code srcset}, {@code sizes}, {@code width}/{@code height} (what {@code src} renders at, from the stored size,
 * so the page does not jump), {@code alt}, {@code loading="lazy"} and {@code decoding="async"}. Variant URLs are
 * signed; a preset alone uses its unsigned URL. Other attributes ({@code class}, {@code id},
 * {@code fetchpriority}, {@code data-*}, ...) are copied onto the {@code <img>}.
 */
public class ImgTag extends SimpleTagSupport implements DynamicAttributes {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ImgTag.class.getName());

    private String image;
    private String alt;
    private String preset;
    private String options;
    private String widths;
    private String sizes = "100vw";
    private String format = "auto";
    private String loading = "lazy";
    private String decoding = "async";
    private Integer sourceWidth;
    private Integer sourceHeight;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    @Override
    public void doTag() throws JspException, IOException {
        PageContext page = (PageContext) getJspContext();
        PicbedTags tags = PicbedTags.of(page.getServletContext());
        Map<String, String> attributes = new LinkedHashMap<>();
        try {
            String id = ImageIds.check(image);
            Optional<ImageSizes.Size> size = sourceWidth != null && sourceHeight != null
                    ? Optional.of(new ImageSizes.Size(sourceWidth, sourceHeight))
                    : tags.sizes().of(id);
            if (size.isPresent()) {
                ResponsiveImages.Markup markup = tags.responsive().markup(id, size.get().width(), size.get().height(),
                        preset, options, widthList(), format.toLowerCase(Locale.ROOT));
                attributes.put("src", tags.urls().absolute(markup.src().path()));
                if (!markup.srcset().isEmpty()) {
                    attributes.put("srcset", markup.srcsetAttribute(tags.urls().base().orElse("")));
                    attributes.put("sizes", sizes);
                }
                attributes.put("width", Integer.toString(markup.src().width()));
                attributes.put("height", Integer.toString(markup.src().height()));
            } else {
                LOG.fine(() -> "<picbed:img>: no size is known for image " + id + "; writing its plain URL");
                attributes.put("src", tags.urls().original(id));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new JspTagException("<picbed:img>: " + e.getMessage(), e);
        }
        attributes.put("alt", alt);
        attributes.put("loading", loading);
        attributes.put("decoding", decoding);
        extra.forEach((name, value) -> {
            if (value != null) {
                attributes.put(name, value.toString());
            }
        });
        StringBuilder html = new StringBuilder("<img");
        attributes.forEach((name, value) -> html.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"'));
        getJspContext().getOut().write(html.append('>').toString());
    }

    private List<Integer> widthList() {
        if (widths == null) {
            return ResponsiveImages.DEFAULT_WIDTHS;
        }
        List<Integer> list = new ArrayList<>();
        if (widths.isBlank() || widths.strip().equals("none")) {
            return list;
        }
        for (String item : widths.split("[,\\s]+")) {
            if (!item.isEmpty()) {
                try {
                    list.add(Integer.parseInt(item));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("widths: comma-separated numbers, got '" + widths + "'");
                }
            }
        }
        return list;
    }

    @Override
    public void setDynamicAttribute(String uri, String localName, Object value) throws JspException {
        if (List.of("src", "srcset", "width", "height").contains(localName.toLowerCase(Locale.ROOT))) {
            throw new JspTagException("<picbed:img> writes " + localName + " itself");
        }
        extra.put(localName, value);
    }

    public void setImage(String image) {
        this.image = image;
    }

    public void setAlt(String alt) {
        this.alt = alt;
    }

    public void setPreset(String preset) {
        this.preset = preset == null || preset.isBlank() ? null : preset.strip();
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public void setWidths(String widths) {
        this.widths = widths;
    }

    public void setSizes(String sizes) {
        this.sizes = sizes;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public void setLoading(String loading) {
        this.loading = loading;
    }

    public void setDecoding(String decoding) {
        this.decoding = decoding;
    }

    public void setSourceWidth(Integer sourceWidth) {
        this.sourceWidth = sourceWidth;
    }

    public void setSourceHeight(Integer sourceHeight) {
        this.sourceHeight = sourceHeight;
    }
}
