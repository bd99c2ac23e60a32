package org.picbed.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document and the code agree: every {@code /api} operation the WAR has (JAX-RS resource methods and
 * the servlets mapped under {@code /api}) is documented, and every documented {@code /api} operation exists. An
 * endpoint added without documenting it fails here.
 */
class OpenApiDocumentTest {

    @Test
    void everyApiOperationInTheCodeIsDocumentedAndNothingElse() throws Exception {
        Set<String> inCode = operationsInCode();
        Set<String> documented = documentedApiOperations();
        Set<String> undocumented = new TreeSet<>(inCode);
        undocumented.removeAll(documented);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(inCode);
        assertTrue(undocumented.isEmpty(), "in the code but not in openapi.json: " + undocumented);
        assertTrue(missing.isEmpty(), "in openapi.json but not in the code: " + missing);
        assertTrue(inCode.size() >= 30, "found the API: " + inCode.size() + " operations");
    }

    @Test
    void theDocumentIsOpenApi31WithAnIdForEveryOperation() throws IOException {
        JsonObject doc = document();
        assertTrue(doc.getString("openapi").startsWith("3.1."));
        Set<String> ids = new TreeSet<>();
        int operations = 0;
        for (var path : doc.getJsonObject("paths").entrySet()) {
            for (var entry : path.getValue().asJsonObject().entrySet()) {
                if (HTTP_METHODS.contains(entry.getKey())) {
                    operations++;
                    ids.add(entry.getValue().asJsonObject().getString("operationId"));
                }
            }
        }
        assertEquals(operations, ids.size(), "operation ids are unique");
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    static JsonObject document() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    private static Set<String> documentedApiOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        for (var path : document().getJsonObject("paths").entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : path.getValue().asJsonObject().keySet()) {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + normalised(path.getKey()));
                }
            }
        }
        return operations;
    }

    /** Path parameters' names do not matter: {@code /api/images/{id}} -> {@code /api/images/{}}. */
    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static Set<String> operationsInCode() throws Exception {
        String root = "/" + PicbedApi.class.getAnnotation(ApplicationPath.class).value();
        Set<String> operations = new TreeSet<>();
        for (Class<?> type : classes()) {
            Path path = type.getAnnotation(Path.class);
            if (path != null) {
                for (Method method : type.getMethods()) {
                    String verb = httpMethod(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        operations.add(verb + " " + normalised(join(root, path.value(), sub == null ? "" : sub.value())));
                    }
                }
            }
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet != null && HttpServlet.class.isAssignableFrom(type)) {
                List<String> patterns = new ArrayList<>(List.of(servlet.urlPatterns()));
                patterns.addAll(List.of(servlet.value()));
                for (String pattern : patterns) {
                    if (pattern.startsWith("/api")) {
                        boolean item = pattern.endsWith("/*");
                        String documentedPath = item ? pattern.substring(0, pattern.length() - 2) + "/{}" : pattern;
                        boolean collectionAndItems = patterns.contains(item ? documentedPath.replace("/{}", "") : pattern + "/*");
                        for (String verb : servletMethods(type)) {
                            boolean itemVerb = verb.equals("GET") || verb.equals("DELETE") || verb.equals("PUT");
                            if (!collectionAndItems || item == itemVerb) {
                                operations.add(verb + " " + documentedPath);
                            }
                        }
                    }
                }
            }
        }
        return operations;
    }

    /**
     * The doGet/doPost/... a servlet overrides. A servlet mapped to a collection and its items ({@code /x} and
     * {@code /x/*}) answers POST on the collection and GET, PUT, DELETE on an item.
     */
    private static List<String> servletMethods(Class<?> type) {
        List<String> verbs = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            String name = m.getName();
            if (name.startsWith("do") && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 2) {
                verbs.add(name.substring(2).toUpperCase(Locale.ROOT));
            }
        }
        return verbs;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String p = part.replaceAll("^/+|/+$", "");
            if (!p.isEmpty()) {
                path.append('/').append(p);
            }
        }
        return path.toString();
    }

    /** The WAR's own classes (target/classes). */
    private static List<Class<?>> classes() throws Exception {
        java.nio.file.Path dir = Paths.get(OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = dir.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
