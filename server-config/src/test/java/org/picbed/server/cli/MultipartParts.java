package org.picbed.server.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict little multipart/form-data reader for the tests: what a server would see. */
record MultipartParts(List<Part> parts) {

    record Part(String name, String fileName, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern NAME = Pattern.compile("; name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("; filename=\"([^\"]*)\"");

    static MultipartParts parse(String contentType, byte[] body) {
        String boundary = contentType.replaceFirst("^multipart/form-data; boundary=", "");
        if (boundary.equals(contentType)) {
            throw new AssertionError("not multipart/form-data: " + contentType);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at != 0) {
            throw new AssertionError("the body does not start with the boundary");
        }
        while (true) {
            int lineEnd = at + delimiter.length;
            if (body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                String rest = new String(body, lineEnd + 2, body.length - lineEnd - 2, StandardCharsets.ISO_8859_1);
                if (!rest.equals("\r\n")) {
                    throw new AssertionError("after the closing boundary: '" + rest + "'");
                }
                return new MultipartParts(parts);
            }
            int headersStart = lineEnd + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            String headerText = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : headerText.split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
            String disposition = headers.get("content-disposition");
            Matcher name = NAME.matcher(disposition);
            Matcher fileName = FILE_NAME.matcher(disposition);
            parts.add(new Part(name.find() ? name.group(1) : null, fileName.find() ? fileName.group(1) : null,
                    headers.get("content-type"), content));
            at = next + 2;
        }
    }

    Part part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no part " + name + " in " + parts.stream().map(Part::name).toList()));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found in the body: " + new String(needle, StandardCharsets.ISO_8859_1));
    }
}
