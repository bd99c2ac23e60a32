package org.picbed.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The deployment's {@link Settings}, for injection: beans ask for {@code Settings} (or a domain's typed settings,
 * produced from it next to the domain) instead of reading the environment themselves.
 */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @Singleton
    Settings settings() {
        return Settings.fromEnvironment();
    }
}
