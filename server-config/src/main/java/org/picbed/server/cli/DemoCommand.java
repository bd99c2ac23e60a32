package org.picbed.server.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.picbed.server.DemoPictures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./picbed demo}: a few products for the storefront (/shop) with drawn product photos ({@link DemoPictures}),
 * and a "format sampler" whose gallery is the test corpus's accepted odd files; products already there (same name)
 * are left alone. The shop API with the admin login ({@code PICBED_ADMIN_USER}/{@code PICBED_ADMIN_PASSWORD}):
 * {@code GET /api/shop/products}, {@code POST /api/shop/products}, {@code POST /api/shop/products/<slug>/pictures}.
 */
@Command(name = "demo", description = "load a few demo products into the storefront")
public final class DemoCommand implements Callable<Integer>, Cli.Usage {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--base", paramLabel = "URL", description = "this instance's address (default 127.0.0.1:8080 + PICBED_PORT_OFFSET)")
    URI base;

    @Option(names = "--corpus", paramLabel = "DIR", required = true,
            description = "the test corpus's folder of odd files (it/src/test/resources/corpus/bad)")
    Path corpus;

    /** A product of the demo: pictures are {@code file|alt text}, the file relative to the drawn pictures or the corpus. */
    record Product(String name, String price, String description, List<Picture> pictures) {
    }

    record Picture(Path file, String alt) {
    }

    @Override
    public String usage() {
        return "./picbed demo";
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        URI address = base != null ? base : cli.defaultBase();
        String user = cli.env("PICBED_ADMIN_USER", "admin");
        Http http = Http.basic(address, user, cli.env().getOrDefault("PICBED_ADMIN_PASSWORD", ""));
        Set<String> existing = existingNames(http);
        Path pictures = Files.createTempDirectory("picbed-demo");
        try {
            System.setProperty("java.awt.headless", "true");
            DemoPictures.main(new String[]{pictures.toString()});
            out.println("==> demo products for " + http.base() + "/shop/");
            for (Product product : products(pictures, corpus)) {
                if (existing.contains(product.name())) {
                    out.println("  exists:  " + product.name());
                } else {
                    String slug = create(http, product);
                    int n = product.pictures().size();
                    out.println("  created: " + product.name() + " (" + n + " picture" + (n == 1 ? "" : "s") + ")  "
                            + http.base() + "/shop/p/" + slug);
                }
            }
        } finally {
            deleteTree(pictures);
        }
        out.println("open " + http.base() + "/shop/ (admin: " + http.base() + "/shop/admin/ as " + user + ")");
        return 0;
    }

    static List<Product> products(Path drawn, Path corpus) {
        return List.of(
                new Product("Stoneware mug", "18.00", "Hand-glazed stoneware in deep teal. Holds 350 ml; dishwasher safe.", List.of(
                        new Picture(drawn.resolve("mug-1.jpg"), "Teal stoneware mug, handle to the right"),
                        new Picture(drawn.resolve("mug-2.jpg"), "The mug seen from the side"))),
                new Product("Canvas tote bag", "24.50", "Heavy cotton canvas with long handles; fits a laptop and the shopping.", List.of(
                        new Picture(drawn.resolve("tote-1.jpg"), "Natural canvas tote bag"),
                        new Picture(drawn.resolve("tote-2.jpg"), "The tote bag in navy"))),
                new Product("Desk lamp", "89.00", "A jointed steel lamp with a warm LED and a terracotta shade.", List.of(
                        new Picture(drawn.resolve("lamp-1.jpg"), "Desk lamp with a terracotta shade, switched on"))),
                new Product("Potted fern", "32.00", "An easy-going fern in a terracotta pot, 40 cm tall.", List.of(
                        new Picture(drawn.resolve("fern-1.jpg"), "A fern in a terracotta pot"))),
                new Product("Dot-grid notebook", "12.90", "A5, 160 pages of dot-grid paper, lay-flat binding. In slate or rust.", List.of(
                        new Picture(drawn.resolve("notebook-1.jpg"), "Slate-blue dot-grid notebook"),
                        new Picture(drawn.resolve("notebook-2.jpg"), "The notebook in rust"))),
                new Product("Format sampler", "0.00", "The test corpus's accepted odd files: WebP, a palette PNG with transparency, "
                        + "16-bit PNG, CMYK, progressive and EXIF-rotated JPEGs (64 pixels wide, so shown enlarged).", List.of(
                        new Picture(corpus.resolve("webp_lossy_64x48.webp"), "Lossy WebP test image"),
                        new Picture(corpus.resolve("png_palette_trns.png"), "Palette PNG with transparency"),
                        new Picture(corpus.resolve("png_16bit_rgb.png"), "16-bit PNG"),
                        new Picture(corpus.resolve("jpeg_cmyk_adobe.jpg"), "CMYK JPEG"),
                        new Picture(corpus.resolve("jpeg_progressive.jpg"), "Progressive JPEG"),
                        new Picture(corpus.resolve("jpeg_exif_orientation6.jpg"), "JPEG turned by its EXIF orientation"))));
    }

    private static Set<String> existingNames(Http http) throws IOException {
        Http.Response list;
        try {
            list = http.get("/api/shop/products", TIMEOUT);
        } catch (IOException e) {
            throw new CliException("the shop API did not answer: " + e);
        }
        JsonObject json = list.json().filter(j -> list.ok()).orElseThrow(() -> new CliException(
                "the shop API did not answer (HTTP " + list.status() + "): " + abbreviate(list.body())));
        Set<String> names = new HashSet<>();
        if (json.get("products") instanceof jakarta.json.JsonArray products) {
            for (JsonValue p : products) {
                if (p instanceof JsonObject product && product.get("name") instanceof JsonString name) {
                    names.add(name.getString());
                }
            }
        }
        return names;
    }

    private static String create(Http http, Product product) throws IOException {
        for (Picture picture : product.pictures()) {
            if (!Files.isRegularFile(picture.file())) {
                throw new CliException("no " + picture.file() + " for '" + product.name() + "'");
            }
        }
        JsonObject body = Json.createObjectBuilder().add("name", product.name()).add("price", product.price())
                .add("currency", "EUR").add("description", product.description()).build();
        Http.Response created = http.postJson("/api/shop/products", body, TIMEOUT);
        String slug = created.json().filter(j -> created.ok()).map(j -> j.getString("slug", null)).orElse(null);
        if (slug == null) {
            throw new CliException("could not create '" + product.name() + "' (HTTP " + created.status() + "): " + abbreviate(created.body()));
        }
        for (Picture picture : product.pictures()) {
            Http.Response added = http.post("/api/shop/products/" + slug + "/pictures?alt=" + percentEncode(picture.alt()),
                    "application/octet-stream", HttpRequest.BodyPublishers.ofFile(picture.file()), UPLOAD_TIMEOUT,
                    "X-Filename", picture.file().getFileName().toString());
            if (!added.ok()) {
                throw new CliException("could not add " + picture.file() + " to '" + product.name() + "' (HTTP "
                        + added.status() + "): " + abbreviate(added.body()));
            }
        }
        return slug;
    }

    /** Every byte of the UTF-8 text percent-encoded except the unreserved characters (RFC 3986). */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
