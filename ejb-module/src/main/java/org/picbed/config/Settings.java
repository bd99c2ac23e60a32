package org.picbed.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where every picbed setting comes from. A setting named {@code storage.dir} is read from the system property
 * {@code picbed.storage.dir}, then from the environment variable {@code PICBED_STORAGE_DIR}; each domain keeps
 * its own typed settings with defaults in code and reads them through here.
 */
public final class Settings {

    /** What a site name may be: it names queues, metrics and cluster channels. */
    public static final Pattern SITE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");

    private final Map<String, String> env;
    private final Properties system;

    public Settings(Map<String, String> env, Properties system) {
        this.env = env;
        this.system = system;
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv(), System.getProperties());
    }

    public Optional<String> get(String name) {
        String value = system.getProperty("picbed." + name);
        if (value == null) {
            value = env.get(envName(name));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    public int getInt(String name, int fallback) {
        return get(name).map(v -> parseInt(name, v)).orElse(fallback);
    }

    public long getLong(String name, long fallback) {
        return get(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(envName(name) + " must be an integer, got '" + v + "'");
            }
        }).orElse(fallback);
    }

    public boolean getBoolean(String name, boolean fallback) {
        return get(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")).orElse(fallback);
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
        return "PICBED_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(envName(name) + " must be an integer, got '" + value + "'");
        }
    }
}
