package org.picbed.variant.url;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.picbed.config.Settings;
import org.picbed.client.spec.Presets;
import org.picbed.client.spec.VariantOptions;
import org.picbed.client.url.UrlSignatures;

/** The configured URL grammar (presets, option limits, signing keys), read once per deployment. */
@ApplicationScoped
public class VariantGrammar {

    @Produces
    @Singleton
    VariantOptions options(Settings settings) {
        return VariantOptions.from(settings);
    }

    @Produces
    @Singleton
    Presets presets(VariantOptions options) {
        return options.presets();
    }

    @Produces
    @Singleton
    UrlSignatures signatures(Settings settings) {
        return UrlSignatures.from(settings);
    }

    @Produces
    @Singleton
    VariantUrls urls(VariantOptions options, UrlSignatures signatures) {
        return new VariantUrls(options, signatures);
    }
}
