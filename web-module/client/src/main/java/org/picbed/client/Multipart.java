package org.picbed.client;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A multipart/form-data body (RFC 7578) for java.net.http: text fields and files, files streamed from disk. */
public final class Multipart {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("bmp", "image/bmp"), Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("heic", "image/heic"), Map.entry("heif", "image/heif"), Map.entry("avif", "image/avif"));

    private final String boundary;
    private final List<BodyPublisher> parts = new ArrayList<>();

    public Multipart() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        boundary = "picbed-" + HexFormat.of().formatHex(random);
    }

    /** A field without a file name, e.g. the {@code group} part with {@code application/json}. */
    public Multipart field(String name, String contentType, String value) {
        parts.add(text(header(name, null, contentType)));
        parts.add(BodyPublishers.ofString(value, StandardCharsets.UTF_8));
        parts.add(text("\r\n"));
        return this;
    }

    /** A text field with no content type of its own, as browsers send form fields. */
    public Multipart field(String name, String value) {
        return field(name, null, value);
    }

    /** A file part from bytes in memory. */
    public Multipart file(String name, String fileName, String contentType, byte[] content) {
        parts.add(text(header(name, fileName, contentType)));
        parts.add(BodyPublishers.ofByteArray(content));
        parts.add(text("\r\n"));
        return this;
    }

    /** A file part named {@code name} with the file's own name and a content type guessed from its extension. */
    public Multipart file(String name, Path file) throws FileNotFoundException {
        parts.add(text(header(name, file.getFileName().toString(), contentType(file))));
        parts.add(BodyPublishers.ofFile(file));
        parts.add(text("\r\n"));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher body() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    /** image/... by extension (as curl guesses), else application/octet-stream. */
    public static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream"
                : TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    private String header(String name, String fileName, String contentType) {
        StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
        if (fileName != null) {
            h.append("; filename=\"").append(quote(fileName)).append('"');
        }
        if (contentType != null) {
            h.append("\r\nContent-Type: ").append(contentType);
        }
        return h.append("\r\n\r\n").toString();
    }

    /** As browsers do (WHATWG): a quote and line breaks percent-encoded, everything else UTF-8 as it is. */
    public static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static BodyPublisher text(String s) {
        return BodyPublishers.ofString(s, StandardCharsets.UTF_8);
    }
}
