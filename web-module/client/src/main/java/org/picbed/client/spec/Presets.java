package org.picbed.client.spec;

import org.picbed.client.PicbedSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Named option sets, used as {@code /i/<id>/<name>.<ext>} and as {@code pr:<name>} inside options. Built in:
 * {@code thumb}, {@code small}, {@code medium}, {@code large}; more (or overrides) from {@code PICBED_PRESETS}
 * ({@code name=options;name=options}), and the eager ones (rendered right after an upload) from
 * {@code PICBED_EAGER_PRESETS} ({@code name,name}, or {@code none}).
 */
public final class Presets {

    /** One named option set; {@code eager} ones are rendered as soon as an image is uploaded. */
    public record Preset(String name, String options, boolean eager) {
    }

    /** How deep presets may refer to presets ({@code pr:a} inside {@code b} inside ...). */
    public static final int MAX_DEPTH = 8;

    static final String NO_EAGER_PRESETS = "none";
    /** Where presets are configured, named in startup errors. */
    private static final String VARIABLE = PicbedSettings.envName("presets");
    static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    private static final Map<String, String> BUILT_IN = builtInOptions();
    private static final List<String> DEFAULT_EAGER = List.of("thumb", "small");

    private final Map<String, Preset> byName;
    private final List<Preset> eager;

    /**
     * @param optionsByName options per preset name, in the order {@link #all()} lists them
     * @param eagerNames    the presets rendered eagerly; each must be in {@code optionsByName}
     * @throws IllegalArgumentException for a bad name, an unknown reference, a cycle or too deep a nesting
     */
    public Presets(Map<String, String> optionsByName, Collection<String> eagerNames) {
        for (String name : optionsByName.keySet()) {
            checkName(name);
        }
        Set<String> eagerSet = new LinkedHashSet<>(eagerNames);
        for (String name : eagerSet) {
            if (!optionsByName.containsKey(name)) {
                throw new IllegalArgumentException(PicbedSettings.envName("eager-presets") + ": preset '" + name + "' is not defined");
            }
        }
        checkReferences(optionsByName);
        Map<String, Preset> presets = new LinkedHashMap<>();
        optionsByName.forEach((name, options) -> presets.put(name, new Preset(name, options, eagerSet.contains(name))));
        this.byName = Collections.unmodifiableMap(presets);
        this.eager = eagerSet.stream().map(presets::get).toList();
    }

    public static Presets builtIn() {
        return new Presets(BUILT_IN, DEFAULT_EAGER);
    }

    /** Built-ins, overridden and extended by {@code presets}; eagerness from {@code eager-presets}. */
    public static Presets from(PicbedSettings settings) {
        Map<String, String> options = new LinkedHashMap<>(BUILT_IN);
        options.putAll(parseDefinitions(settings.get("presets").orElse("")));
        List<String> eagerNames = settings.get("eager-presets").map(Presets::parseEagerList).orElse(DEFAULT_EAGER);
        return new Presets(options, eagerNames);
    }

    public Optional<Preset> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<Preset> eager() {
        return eager;
    }

    public Collection<Preset> all() {
        return byName.values();
    }

    /** {@code name=options} entries separated by {@code ;} or line breaks; blanks around entries are ignored. */
    static Map<String, String> parseDefinitions(String text) {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String entry : text.split("[;\\n]")) {
            entry = entry.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(VARIABLE + ": expected name=options, got '" + entry + "'");
            }
            String name = entry.substring(0, eq).trim();
            checkName(name);
            if (definitions.put(name, entry.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException(VARIABLE + ": preset '" + name + "' is defined twice");
            }
        }
        return definitions;
    }

    static List<String> parseEagerList(String text) {
        if (text.trim().equals(NO_EAGER_PRESETS)) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The preset names an options string refers to ({@code pr:a:b} and {@code preset:c}). */
    static List<String> references(String options) {
        List<String> names = new ArrayList<>();
        for (String segment : options.split("/")) {
            String[] parts = segment.split(":", -1);
            if (parts[0].equals("pr") || parts[0].equals("preset")) {
                names.addAll(List.of(parts).subList(1, parts.length));
            }
        }
        return names;
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(VARIABLE + ": preset name '" + name + "' must match " + NAME.pattern());
        }
        if (name.equals(NO_EAGER_PRESETS)) {
            throw new IllegalArgumentException(VARIABLE + ": '" + NO_EAGER_PRESETS + "' is reserved and cannot name a preset");
        }
    }

    /** Every referenced preset exists, and following references never loops nor goes deeper than MAX_DEPTH. */
    private static void checkReferences(Map<String, String> optionsByName) {
        for (String name : optionsByName.keySet()) {
            follow(name, optionsByName, new ArrayList<>());
        }
    }

    private static void follow(String name, Map<String, String> optionsByName, List<String> path) {
        if (path.contains(name)) {
            throw new IllegalArgumentException(VARIABLE + ": presets refer to each other in a cycle: "
                    + String.join(" -> ", path) + " -> " + name);
        }
        path.add(name);
        if (path.size() > MAX_DEPTH) {
            throw new IllegalArgumentException(VARIABLE + ": presets are nested deeper than " + MAX_DEPTH + ": "
                    + String.join(" -> ", path));
        }
        for (String referenced : references(optionsByName.get(name))) {
            if (!optionsByName.containsKey(referenced)) {
                throw new IllegalArgumentException(VARIABLE + ": preset '" + name + "' refers to unknown preset '"
                        + referenced + "'");
            }
            follow(referenced, optionsByName, path);
        }
        path.remove(path.size() - 1);
    }

    private static Map<String, String> builtInOptions() {
        Map<String, String> presets = new LinkedHashMap<>();
        presets.put("thumb", "rs:fill:150:150:0/g:ce");
        presets.put("small", "rs:fit:320:320:0");
        presets.put("medium", "rs:fit:800:800:0");
        presets.put("large", "rs:fit:1600:1600:0");
        return Collections.unmodifiableMap(presets);
    }
}
