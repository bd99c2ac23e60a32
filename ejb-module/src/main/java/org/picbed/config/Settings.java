package org.picbed.config;

import org.picbed.client.PicbedSettings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where every picbed setting comes from. A setting named {@code storage.dir} is read from the system property
 * {@code picbed.storage.dir}, then from the environment variable {@code PICBED_STORAGE_DIR} (the client library's
 * {@link PicbedSettings}); each domain keeps its own typed settings with defaults in code and reads them through
 * here.
 */
public final class Settings extends PicbedSettings {

    /** What a site name may be: it names queues, metrics and cluster channels. */
    public static final Pattern SITE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");

    private final Properties system;

    public Settings(Map<String, String> env, Properties system) {
        super(env, system);
        this.system = system;
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv(), System.getProperties());
    }

    /** This site's name: {@code PICBED_SITE}, by default {@code local}. */
    public String site() {
        String site = get("site", "local");
        if (!SITE_NAME.matcher(site).matches()) {
            throw new IllegalArgumentException("PICBED_SITE must match " + SITE_NAME + ", got '" + site + "'");
        }
        return site;
    }

    /** picbed's data directory: {@code PICBED_HOME}, else the server's data directory, else {@code ./data}. */
    public Path home() {
        return get("home").map(Path::of)
                .or(() -> Platform.detect(system).dataDirectory(system).map(d -> d.resolve("picbed")))
                .orElse(Path.of("data"))
                .toAbsolutePath();
    }

    public static String envName(String name) {
        return PicbedSettings.envName(name);
    }
}
