package org.picbed.web;

import org.junit.jupiter.api.Test;
import org.picbed.error.PicbedException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultipartStreamTest {

    private static final String BOUNDARY = "----picbedBoundary7MA4YWxkTrZu0gW";

    @Test
    void partsComeOutByteExactWhateverTheChunking() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<byte[]> files = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                byte[] content = new byte[random.nextInt(200_000)];
                random.nextBytes(content);
                if (content.length > 20) { // near-misses of the delimiter inside the data
                    byte[] near = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)).getBytes(StandardCharsets.ISO_8859_1);
                    int at = random.nextInt(content.length - near.length > 0 ? content.length - near.length : 1);
                    System.arraycopy(near, 0, content, at, Math.min(near.length, content.length - at));
                    if (at + near.length < content.length) {
                        content[at + near.length] = 'X'; // not the boundary's last character: a near miss, not a delimiter
                    }
                }
                files.add(content);
            }
            byte[] body = body(files, "preamble text\r\n");
            // reads of up to 9 KB, and (every other round) up to 60 KB: more than the 16 KB header limit arrives at once
            int max = round % 2 == 0 ? 1 + random.nextInt(9000) : 16_000 + random.nextInt(44_000);
            MultipartStream stream = new MultipartStream(chunked(body, max, random), BOUNDARY);
            for (byte[] expected : files) {
                MultipartStream.Part part = stream.next().orElseThrow();
                assertEquals("file", part.fieldName());
                assertArrayEquals(expected, part.body().readAllBytes(), "round " + round);
            }
            assertEquals(Optional.empty(), stream.next());
        }
    }

    @Test
    void aHeaderLineCutByOneReadAndFinishedByALargeOneIsRead() throws IOException {
        byte[] second = new byte[50_000];
        new Random(3).nextBytes(second);
        byte[] body = body(List.of(new byte[100], second), "");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int cut = text.indexOf("Content-Disposition", text.indexOf("Content-Disposition") + 1) + 10;
        int[] reads = {cut, body.length};
        InputStream in = new ByteArrayInputStream(body) {
            private int call;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, call < reads.length ? reads[call++] : len));
            }
        };
        MultipartStream stream = new MultipartStream(in, BOUNDARY);
        assertEquals(100, stream.next().orElseThrow().body().readAllBytes().length);
        assertArrayEquals(second, stream.next().orElseThrow().body().readAllBytes());
    }

    @Test
    void headersFileNamesAndSkippedParts() throws IOException {
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"caf\u00e9 \\\"x\\\".jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJPEG\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"; filename*=UTF-8''r%C3%A9sum%C3%A9.jpg\r\n\r\n\r\n"
                + "--" + BOUNDARY + "--\r\n";
        MultipartStream stream = new MultipartStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), BOUNDARY);
        MultipartStream.Part note = stream.next().orElseThrow();
        assertEquals("note", note.fieldName());
        assertNull(note.filename());
        MultipartStream.Part file = stream.next().orElseThrow();
        assertEquals("caf\u00e9 \"x\".jpg", file.filename());
        assertEquals("image/jpeg", file.contentType());
        assertArrayEquals("JPEG".getBytes(), file.body().readAllBytes());
        MultipartStream.Part empty = stream.next().orElseThrow();
        assertEquals("r\u00e9sum\u00e9.jpg", empty.filename());
        assertEquals(0, empty.body().readAllBytes().length);
        assertEquals(Optional.empty(), stream.next());
    }

    @Test
    void truncatedBodiesAndBadBoundariesAreMalformed() throws IOException {
        byte[] body = body(List.of(new byte[1000]), "");
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 30);
        MultipartStream stream = new MultipartStream(new ByteArrayInputStream(cut), BOUNDARY);
        MultipartStream.Part part = stream.next().orElseThrow();
        assertEquals(400, assertThrows(PicbedException.class, () -> part.body().readAllBytes()).status());
        assertThrows(PicbedException.class, () -> MultipartStream.boundary("multipart/form-data"));
        assertEquals(Optional.of("abc"), MultipartStream.boundary("multipart/form-data; boundary=\"abc\""));
        assertEquals(Optional.empty(), MultipartStream.boundary("image/png"));
    }

    private static byte[] body(List<byte[]> files, String preamble) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] file : files) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Delivers the bytes in reads of random sizes up to {@code max}, as a socket does. */
    private static InputStream chunked(byte[] bytes, int max, Random random) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(max)));
            }
        };
    }
}
