package org.picbed.embed;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.picbed.image.ImageId;
import org.picbed.image.ImageSizes;
import org.picbed.taglib.PicbedTags;

import java.util.Optional;

/**
 * picbed's own pages run the same taglib as shops' applications; here it learns image sizes from picbed's
 * catalogue (cached per node) instead of asking picbed's API over HTTP.
 */
@WebListener
public class CatalogueSizes implements ServletContextListener, org.picbed.taglib.ImageSizes {

    @Inject
    ImageSizes catalogue;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(PicbedTags.SIZES_ATTRIBUTE, this);
    }

    @Override
    public Optional<Size> of(String imageId) {
        return ImageId.parse(imageId).flatMap(catalogue::of).map(s -> new Size(s.width(), s.height()));
    }
}
