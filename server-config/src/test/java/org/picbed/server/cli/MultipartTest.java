package org.picbed.server.cli;

import org.picbed.client.Multipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MultipartTest {

    @Test
    void aServerSeesTheFieldAndEachFileWithItsNameTypeAndExactBytes(@TempDir Path dir) throws Exception {
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);   // every byte value, CR and LF and '-' included
        }
        Path photo = Files.write(dir.resolve("photo.JPG"), binary);
        Path odd = Files.write(dir.resolve("say \"cheese\".webp"), "RIFF".getBytes(StandardCharsets.US_ASCII));
        Path unknown = Files.write(dir.resolve("notes"), new byte[0]);

        try (FakePicbed picbed = new FakePicbed(r -> FakePicbed.Answer.json(202, "{\"id\":\"g-1\"}"))) {
            Multipart body = new Multipart()
                    .field("group", "application/json", "{\"tasks\":[{\"upload\":\"f0\"}],\"rules\":[\"é\"]}")
                    .file("f0", photo).file("f1", odd).file("f2", unknown);
            Http.Response answer = Http.bearer(picbed.base(), "pk_test")
                    .post("/api/groups", body.contentType(), body.body(), Duration.ofSeconds(10));
            assertEquals(202, answer.status());

            FakePicbed.Request request = picbed.requests.get(0);
            assertEquals("Bearer pk_test", request.header("Authorization"));
            MultipartParts parts = MultipartParts.parse(request.header("Content-Type"), request.body());
            assertEquals(4, parts.parts().size());
            MultipartParts.Part group = parts.part("group");
            assertNull(group.fileName());
            assertEquals("application/json", group.contentType());
            assertEquals("{\"tasks\":[{\"upload\":\"f0\"}],\"rules\":[\"é\"]}", group.text());
            MultipartParts.Part f0 = parts.part("f0");
            assertEquals("photo.JPG", f0.fileName());
            assertEquals("image/jpeg", f0.contentType());
            assertArrayEquals(binary, f0.body());
            assertEquals("say %22cheese%22.webp", parts.part("f1").fileName());
            assertEquals("image/webp", parts.part("f1").contentType());
            assertEquals("application/octet-stream", parts.part("f2").contentType());
            assertEquals(0, parts.part("f2").body().length);
        }
    }

    @Test
    void contentTypesByExtensionAsCurlGuessedThem() {
        Map<String, String> expected = Map.of("a.jpg", "image/jpeg", "b.JPEG", "image/jpeg", "c.png", "image/png",
                "d.gif", "image/gif", "e.bmp", "image/bmp", "f.ico", "image/vnd.microsoft.icon", "g.tiff", "application/octet-stream");
        expected.forEach((name, type) -> assertEquals(type, Multipart.contentType(Path.of(name)), name));
    }

    @Test
    void quotesAndLineBreaksInNamesCannotBreakTheHeader() {
        assertEquals("a%22b%0D%0Ac", Multipart.quote("a\"b\r\nc"));
    }
}
