package org.picbed.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.picbed.config.Settings;

/** This site and its peers, read once per deployment (an invalid {@code PICBED_PEERS} fails the deployment). */
@ApplicationScoped
public class SiteSettingsProducer {

    @Produces
    @Singleton
    SiteSettings siteSettings(Settings settings) {
        return SiteSettings.from(settings);
    }
}
