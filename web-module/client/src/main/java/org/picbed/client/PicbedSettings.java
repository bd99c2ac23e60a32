package org.picbed.client;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * picbed settings by name. A setting named {@code signing.key} is read from the system property
 * {@code picbed.signing.key}, then from the environment variable {@code PICBED_SIGNING_KEY} (or from any other
 * source, e.g. a servlet context's parameters). picbed's server reads its own settings the same way.
 */
public class PicbedSettings {

    private final UnaryOperator<String> source;

    /** @param source the raw value of a setting by its name ({@code signing.key}), or null when it is not set */
    public PicbedSettings(UnaryOperator<String> source) {
        this.source = source;
    }

    /** System properties {@code picbed.<name>} first, then environment variables {@code PICBED_<NAME>}. */
    public PicbedSettings(Map<String, String> env, Properties system) {
        this(name -> {
            String value = system.getProperty("picbed." + name);
            return value != null ? value : env.get(envName(name));
        });
    }

    public static PicbedSettings fromEnvironment() {
        return new PicbedSettings(System.getenv(), System.getProperties());
    }

    /** Settings given in code, by name ({@code Map.of("url", "https://img.example.com", "signing.key", "...")}). */
    public static PicbedSettings of(Map<String, String> values) {
        return new PicbedSettings(values::get);
    }

    /** This source first, then {@code fallback} for what it does not set. */
    public PicbedSettings orElse(PicbedSettings fallback) {
        return new PicbedSettings(name -> get(name).orElseGet(() -> fallback.get(name).orElse(null)));
    }

    /** The value, trimmed; empty when unset or blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(source.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** @throws IllegalStateException naming the variable when the value is not an integer */
    public int getInt(String name, int fallback) {
        long value = getLong(name, fallback);
        if (value != (int) value) {
            throw new IllegalStateException(envName(name) + " is out of range: " + value);
        }
        return (int) value;
    }

    /** @throws IllegalStateException naming the variable when the value is not an integer */
    public long getLong(String name, long fallback) {
        return get(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(envName(name) + " must be an integer, got '" + v + "'");
            }
        }).orElse(fallback);
    }

    /** {@code true}, {@code 1} or {@code yes} (any case) are true. */
    public boolean getBoolean(String name, boolean fallback) {
        return get(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")).orElse(fallback);
    }

    /** The environment variable of a setting: {@code signing.key} -> {@code PICBED_SIGNING_KEY}. */
    public static String envName(String name) {
        return "PICBED_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
