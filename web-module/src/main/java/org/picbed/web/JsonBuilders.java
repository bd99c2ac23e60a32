package org.picbed.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;

/**
 * JSON builders from one factory: {@code JsonBuilders.object()} looks the provider up (a service-loader scan
 * of the deployment) on every call, which cost milliseconds per request.
 */
public final class JsonBuilders {

    private static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(Map.of());

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return FACTORY.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return FACTORY.createArrayBuilder();
    }
}
