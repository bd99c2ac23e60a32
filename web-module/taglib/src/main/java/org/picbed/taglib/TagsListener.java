package org.picbed.taglib;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Registered by the taglib's TLD: configures the taglib when the application starts, so a configuration error
 * (a malformed signing key, a bad preset) stops the deployment instead of the first page, and the EL functions
 * see this application's settings.
 */
public class TagsListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        PicbedTags.of(event.getServletContext());
    }
}
