package org.picbed.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The application server picbed was deployed to, told apart by the system properties each one sets. Everything
 * that differs between servers is chosen from this in {@link PlatformAdapters}; the domain never asks which it is.
 */
public enum Platform {

    WILDFLY("jboss.server.data.dir"),
    PAYARA("com.sun.aas.instanceRoot"),
    /** Any other Jakarta EE server: the portable adapters (embedded cache, servlet hot path). */
    OTHER(null);

    private final String dataDirProperty;

    Platform(String dataDirProperty) {
        this.dataDirProperty = dataDirProperty;
    }

    public static Platform current() {
        return detect(System.getProperties());
    }

    public static Platform detect(Properties system) {
        if (system.getProperty("jboss.home.dir") != null || system.getProperty("jboss.server.data.dir") != null) {
            return WILDFLY;
        }
        if (system.getProperty("com.sun.aas.instanceRoot") != null) {
            return PAYARA;
        }
        return OTHER;
    }

    /** The name this server gives the node it runs on, if it has one (WildFly: {@code jboss.node.name}). */
    public Optional<String> nodeName(Properties system) {
        return this == WILDFLY ? Optional.ofNullable(system.getProperty("jboss.node.name")).filter(n -> !n.isBlank())
                : Optional.empty();
    }

    /** Where this server keeps its instance's data (picbed's default home lies below it). */
    public Optional<Path> dataDirectory(Properties system) {
        return Optional.ofNullable(dataDirProperty).map(system::getProperty).map(Path::of)
                .map(dir -> this == PAYARA ? dir.resolve("data") : dir);
    }
}
